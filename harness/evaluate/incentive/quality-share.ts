// quality-share law (template-style subnets): a miner is paid what the miner at its quality rank is paid today
// (per-UID realised incentive from the chain); where this machine places is an explicit assumption (--field-quality).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { rankAtPercentile } from '../earnings.ts';
import { qualityAsPercentileRule } from '../earnings-rank-rule.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import type { IncentiveLaw, LawContext } from './incentive-law.ts';
import { lawEarnings, type LawOutcome } from './law-earnings.ts';
import { assumedInput, chainInput, fileInput, flagInput, measuredInput } from './law-input.ts';

export const qualityShareConfigSchema = z.strictObject({ kind: z.literal('quality-share') });
export type QualityShareConfig = z.infer<typeof qualityShareConfigSchema>;

/** A file of the other miners' quality scores, on the validator's reward scale (0..1). */
export const fieldQualityTableSchema = z.strictObject({
  scores: z.array(z.number().min(0).max(1)).min(1, 'at least one score'),
});
export type FieldQualityTable = z.infer<typeof fieldQualityTableSchema>;

const PERCENTILE = /^\d+(\.\d+)?$/;

export const qualityShareOptions = [
  defineOption({
    key: 'fieldQuality',
    flag: 'field-quality',
    type: 'string',
    schema: z
      .string()
      .min(1)
      .refine((v) => !PERCENTILE.test(v) || Number(v) <= 100, 'a percentile is 0..100')
      .nullable(),
    default: null,
    describe:
      "quality-share: where this machine places among paying miners: P (better than P % of them), 'uniform' (competitors' scores spread evenly over 0..1, so quality q beats q of them), or a JSON file of their quality scores",
    owner: 'law quality-share',
    defaultText: 'the median paying miner, with the range top..last',
  }),
] as const;

export interface QualityShareFlags {
  fieldQuality: string | null;
}

type Ctx = LawContext<QualityShareConfig, QualityShareFlags, FieldQualityTable>;

export const isFieldQualityFile = (v: unknown): boolean =>
  typeof v === 'string' && !PERCENTILE.test(v) && v !== 'uniform';

function outcome(ctx: Ctx): LawOutcome {
  const { network, machine } = ctx;
  const inputs: LawInput[] = [];
  const assumptions: string[] = [];
  const missing: string[] = [];
  const warnings: string[] = [];
  const q = machine.replay?.qualityMean ?? null;
  if (q !== null)
    inputs.push(
      measuredInput(
        { name: 'quality', label: "mean validator reward of this machine's answers", value: q, unit: '0..1' },
        'replay workload',
      ),
    );
  const per = network.perUid?.perMinerAlphaPerDay ?? null;
  const pool = network.minerPool.alphaPerDay;
  const none = { value: null, low: null, high: null, dominant: [] };
  const registered = network.minerUids ?? 0;
  if (per === null && pool !== null && pool > 0 && registered > 0)
    return evenSplit(ctx, registered, { inputs, assumptions, missing, warnings });
  if (!per || per.length === 0 || pool === null || pool === 0) {
    missing.push(
      per === null
        ? 'the chain snapshot has no per-UID incentive (a live read has it): the pay at each rank is unknown'
        : 'no miner is paid on this subnet now',
    );
    return {
      eligible: null,
      reasons: [],
      lawBurnFraction: 0,
      share: none,
      inputs,
      breakdown: [],
      scenarios: [],
      assumptions,
      missing,
      warnings,
    };
  }
  const n = per.length;
  inputs.push(
    chainInput(
      { name: 'payingMiners', label: 'miners paid now', value: n, unit: 'miners' },
      network.source,
      network.blockTime,
      null,
    ),
  );
  const shareAt = (rank: number) => (rank > n ? 0 : per[rank - 1]! / pool);

  // Where this machine places: a percentile, the uniform rule, a file of the field's scores, or not stated.
  let rank: number | null = null;
  let low = shareAt(n);
  let high = shareAt(1);
  const fq = ctx.flags.fieldQuality;
  if (ctx.table) {
    const scores = ctx.table.data.scores;
    inputs.push(
      fileInput(
        { name: 'fieldScores', label: "other miners' quality scores", value: scores.length, unit: 'scores' },
        ctx.table,
        '--field-quality FILE',
      ),
    );
    if (q === null)
      missing.push('no quality measured on this machine: it cannot be placed among the scores in the file');
    else {
      const better = scores.filter((s) => s > q).length;
      const ties = scores.filter((s) => s === q).length;
      rank = better + 1;
      low = shareAt(better + ties + 1);
      high = shareAt(rank);
      assumptions.push(
        `placement: quality ${q} ranks ${rank} among ${scores.length + 1} (${better} scores in ${ctx.table.path} are higher); pay follows quality rank and the paying miners stay as they are`,
      );
    }
  } else if (fq === 'uniform') {
    const placed = qualityAsPercentileRule.place(q, n);
    rank = placed.rank;
    assumptions.push(placed.statement);
    inputs.push(
      flagInput({ name: 'placement', label: 'placement rule', value: 'uniform', unit: null }, 'field-quality'),
    );
  } else if (fq !== null) {
    const p = Number(fq);
    rank = Math.max(1, Math.ceil((1 - p / 100) * n));
    inputs.push(
      flagInput(
        { name: 'placement', label: 'better than this share of paying miners', value: p, unit: '%' },
        'field-quality',
      ),
    );
    assumptions.push(`placement: better than ${p} % of the ${n} paying miners, so rank ${rank}`);
  }
  let value: number;
  if (rank === null) {
    rank = rankAtPercentile(50, n);
    value = shareAt(rank);
    inputs.push(
      assumedInput(
        { name: 'placement', label: 'rank among paying miners', value: rank, unit: 'rank' },
        [1, n],
        '--field-quality FILE|P',
        'not stated: the median paying miner',
      ),
    );
    assumptions.push(
      `placement not stated: the median paying miner (rank ${rank} of ${n}), range top..last; minerbench scores only this machine, not its competitors`,
    );
  } else {
    value = shareAt(rank);
    if (!ctx.table) low = high = value;
  }
  const point = (label: string, r: number) => ({ label: `${label} (rank ${r} of ${n})`, share: shareAt(r) });
  const scenarios = [
    point('top', 1),
    point('p10', rankAtPercentile(10, n)),
    point('p50', rankAtPercentile(50, n)),
    point('p90', rankAtPercentile(90, n)),
    point('last paying miner', n),
  ];
  const r = machine.replay;
  if (r && r.validatorQps !== null && r.p99Ms !== null && (r.okQps < r.validatorQps || r.p99Ms > r.timeoutS * 1000))
    warnings.push(
      `capacity: needs ${r.validatorQps} q/s with p99 under ${r.timeoutS * 1000} ms; sustained ${r.okQps} q/s with p99 ${r.p99Ms} ms`,
    );
  return {
    eligible: true,
    reasons: [],
    lawBurnFraction: 0,
    share: {
      value,
      low: Math.min(low, value),
      high: Math.max(high, value),
      dominant: low === high ? [] : ['placement'],
    },
    inputs,
    breakdown: [
      { label: 'rank among paying miners', value: rank, unit: 'rank' },
      { label: 'alpha per day paid at that rank now', value: per[rank - 1] ?? 0, unit: 'alpha/day' },
    ],
    scenarios,
    assumptions,
    missing,
    warnings,
  };
}

/**
 * No per-UID pay in the snapshot (the shipped capture): the pay at each rank is unknown, so the estimate is the mean
 * miner's, the pool split evenly over the registered miner UIDs, from 0 (validators give this machine nothing) up;
 * the top of the range needs per-UID pay from a live chain.
 */
function evenSplit(
  ctx: Ctx,
  n: number,
  o: Pick<LawOutcome, 'inputs' | 'assumptions' | 'missing' | 'warnings'>,
): LawOutcome {
  const { network } = ctx;
  o.inputs.push(
    chainInput(
      { name: 'minerUids', label: 'miner UIDs registered on the subnet', value: n, unit: 'UIDs' },
      network.source,
      network.blockTime,
      null,
    ),
    assumedInput(
      {
        name: 'placement',
        label: 'share of the miner pool (the mean miner: 1 / miner UIDs)',
        value: 1 / n,
        unit: 'fraction',
      },
      [0, 1],
      'a live chain snapshot (minerbench chain snapshot), which has the pay at each rank',
      'no per-UID pay in the chain snapshot',
    ),
  );
  o.assumptions.push(
    `no per-UID pay in the chain snapshot: the estimate is the mean miner's, the miner pool split evenly over the ${n} registered miner UIDs (1/${n}); a miner validators rank last gets 0, and the top of the range needs per-UID pay from a live chain`,
  );
  if (ctx.flags.fieldQuality !== null || ctx.table)
    o.warnings.push(
      '--field-quality places this machine among the paying miners, whose pay this snapshot does not have: not used',
    );
  o.missing.push(
    'the pay at each rank (per-UID incentive; a live chain snapshot has it): the best case is unknown, so the range has no top',
  );
  return {
    eligible: true,
    reasons: [],
    lawBurnFraction: 0,
    share: { value: 1 / n, low: 0, high: null, dominant: ['placement'] },
    inputs: o.inputs,
    breakdown: [
      { label: 'miner UIDs sharing the pool', value: n, unit: 'UIDs' },
      { label: 'alpha per day of the mean miner', value: network.minerPool.alphaPerDay! / n, unit: 'alpha/day' },
    ],
    scenarios: [
      { label: `the mean miner (1 of ${n} UIDs)`, share: 1 / n },
      { label: 'ranked last by validators (paid nothing)', share: 0 },
    ],
    assumptions: o.assumptions,
    missing: o.missing,
    warnings: o.warnings,
  };
}

export const qualityShareLaw: IncentiveLaw<QualityShareConfig, QualityShareFlags, FieldQualityTable> = {
  kind: 'quality-share',
  title: 'Quality share (the pay of the miner at this quality rank)',
  summary:
    "the EMA of the validator's reward relative to the field: what the miner at this machine's quality rank is paid now (placement stated as an assumption)",
  configSchema: qualityShareConfigSchema,
  tableSchema: fieldQualityTableSchema,
  options: qualityShareOptions,
  tableOption: { key: 'fieldQuality', isFile: isFieldQualityFile },
  estimate: (ctx) => lawEarnings(qualityShareLaw, ctx, outcome(ctx)),
};
