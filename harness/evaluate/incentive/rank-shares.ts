// rank-shares law (SN85 Vidaio top-5 equal shares of an 80 % / 20 % split, SN44 Score's one winner per element): the
// machine gets its pool's share for the rank its quality reaches; the rank is an explicit assumption. Pure.
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import { assumption } from './hardware-rate-config.ts';
import type { IncentiveLaw, LawContext } from './incentive-law.ts';
import { lawEarnings, type LawOutcome } from './law-earnings.ts';
import { fieldInput, fileInput, flagInput, measuredInput, rulesInput } from './law-input.ts';
import {
  fieldQualityTableSchema,
  isFieldQualityFile,
  qualityShareOptions,
  type FieldQualityTable,
} from './quality-share.ts';
import { shareRange, type Uncertain } from './share-range.ts';

export const rankSharesConfigSchema = z
  .strictObject({
    kind: z.literal('rank-shares'),
    /** Where the rules below were read (owner/repo@commit:path). */
    source: z.string().min(1),
    /** Each pool's part of the miner weights and the shares of its ranks, best first (Vidaio: [0.2 x 5]). */
    pools: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          weight: z.number().min(0).max(1),
          shares: z.array(z.number().min(0).max(1)).min(1),
          /** The synapses whose answers are ranked in this pool; the pool's quality is their mean score. */
          synapses: z.array(z.string().min(1)).min(1).optional(),
        }),
      )
      .min(1),
    /** The pool a machine competes in unless --pool says otherwise. */
    defaultPool: z.string().min(1),
    burnFraction: z.number().min(0).max(1),
    /** Miners competing in a pool besides this one (the plugin's stated guess). */
    assume: z.strictObject({ fieldSize: assumption, where: z.string().min(1) }),
  })
  .refine((c) => c.pools.some((p) => p.name === c.defaultPool), { message: 'defaultPool names one of pools' });
export type RankSharesConfig = z.infer<typeof rankSharesConfigSchema>;

export const rankSharesOptions = [
  qualityShareOptions[0],
  defineOption({
    key: 'pool',
    flag: 'pool',
    type: 'string',
    schema: z.string().min(1).nullable(),
    default: null,
    describe: "rank-shares: the pool this machine competes in (e.g. Vidaio's compression or upscaling)",
    owner: 'law rank-shares',
    defaultText: "the profile's default pool",
  }),
  defineOption({
    key: 'fieldSize',
    flag: 'field-size',
    type: 'number',
    schema: z.number().int('a whole number of miners').min(0, 'a count of miners (>= 0)').nullable(),
    default: null,
    describe: 'rank-shares: miners competing in the pool besides this one',
    owner: 'law rank-shares',
    defaultText: "the plugin's stated range",
  }),
] as const;

export interface RankSharesFlags {
  fieldQuality: string | null;
  pool: string | null;
  fieldSize: number | null;
}

type Ctx = LawContext<RankSharesConfig, RankSharesFlags, FieldQualityTable>;
type Pool = RankSharesConfig['pools'][number];

/** The machine's quality in a pool: the mean over the pool's synapses that were replayed (all answers when the pool
 *  names none, or the replay recorded no synapse breakdown). */
function poolQuality(
  replay: Ctx['machine']['replay'],
  pool: Pool,
): { q: number | null; from: string; absent: string | null } {
  if (!replay) return { q: null, from: '', absent: null };
  const by = replay.qualityBySynapse;
  if (!pool.synapses || !by) return { q: replay.qualityMean, from: 'replay workload', absent: null };
  const means = pool.synapses.map((s) => by[s]).filter((m): m is number => typeof m === 'number');
  if (!means.length)
    return {
      q: null,
      from: '',
      absent: `no ${pool.synapses.join(' or ')} answers were scored on this machine: its place in ${pool.name} is unknown (replay queries of that synapse, or price another pool with --pool)`,
    };
  const q = Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 1e6) / 1e6;
  return { q, from: `replay workload, ${pool.synapses.join(', ')} answers`, absent: null };
}

function outcome(ctx: Ctx): LawOutcome {
  const c = ctx.config;
  const f = ctx.flags;
  const pool = c.pools.find((p) => p.name === (f.pool ?? c.defaultPool));
  const inputs: LawInput[] = [];
  const uncertain: Uncertain[] = [];
  const assumptions: string[] = [];
  const missing: string[] = [];
  if (!pool) {
    return {
      eligible: false,
      reasons: [`--pool ${f.pool}: this subnet's pools are ${c.pools.map((p) => p.name).join(', ')}`],
      lawBurnFraction: c.burnFraction,
      share: { value: 0, low: 0, high: 0, dominant: [] },
      inputs,
      breakdown: [],
      scenarios: [],
      assumptions,
      missing,
      warnings: [],
    };
  }
  const keep = 1 - c.burnFraction;
  const at = (rank: number) => keep * pool.weight * (pool.shares[rank - 1] ?? 0);
  inputs.push(
    rulesInput(
      {
        name: 'poolWeight',
        label: `${pool.name} pool's part of the miner weights`,
        value: pool.weight,
        unit: 'fraction',
      },
      c.source,
    ),
  );
  inputs.push(
    rulesInput(
      { name: 'paidRanks', label: `ranks paid in ${pool.name}`, value: pool.shares.length, unit: 'ranks' },
      c.source,
    ),
  );
  const { q, from, absent } = poolQuality(ctx.machine.replay, pool);
  if (absent) missing.push(absent);
  if (q !== null)
    inputs.push(
      measuredInput(
        { name: 'quality', label: `mean validator score of this machine in ${pool.name}`, value: q, unit: '0..1' },
        from,
      ),
    );
  const n = fieldInput(
    {
      name: 'fieldSize',
      label: `other miners in ${pool.name}`,
      flag: '--field-size N',
      unit: 'miners',
      given: f.fieldSize,
      assumed: c.assume.fieldSize,
      where: c.assume.where,
    },
    inputs,
    uncertain,
  );

  let share: (v: Readonly<Record<string, number>>) => number | null;
  const fq = f.fieldQuality;
  if (ctx.table) {
    const scores = ctx.table.data.scores;
    inputs.push(
      fileInput(
        { name: 'fieldScores', label: "other miners' scores", value: scores.length, unit: 'scores' },
        ctx.table,
        '--field-quality FILE',
      ),
    );
    if (q === null) {
      missing.push('no quality measured on this machine: it cannot be placed among the scores in the file');
      share = () => null;
    } else {
      const better = scores.filter((s) => s > q).length;
      const ties = scores.filter((s) => s === q).length;
      share = () => at(better + 1);
      if (ties > 0) uncertain.push({ name: 'tieRank', value: better + 1, range: [better + 1, better + ties + 1] });
      if (ties > 0) share = (v) => at(v['tieRank'] ?? better + 1);
      assumptions.push(
        `placement: score ${q} ranks ${better + 1} among ${scores.length + 1} in ${ctx.table.path}; the field's scores stay as given`,
      );
    }
  } else if (fq !== null && fq !== 'uniform') {
    const p = Number(fq);
    inputs.push(
      flagInput(
        { name: 'placement', label: 'better than this share of the field', value: p, unit: '%' },
        'field-quality',
      ),
    );
    share = (v) => at(Math.ceil((1 - p / 100) * n(v) - 1e-9) + 1);
    assumptions.push(`placement: better than ${p} % of the other miners in ${pool.name}`);
  } else {
    // Unstated: every place in the field equally likely; the range is last place .. first place.
    share = (v) => {
      let sum = 0;
      for (let r = 1; r <= n(v) + 1; r++) sum += at(r);
      return sum / (n(v) + 1);
    };
    assumptions.push(
      fq === 'uniform'
        ? 'placement: uniform over the field (no quality scores of the others are known)'
        : 'placement not stated: every place in the field is taken as equally likely (the expected share); supply --field-quality FILE|P',
    );
  }
  const range = shareRange(uncertain, share);
  const placementKnown = Boolean(ctx.table) || (fq !== null && fq !== 'uniform');
  if (!placementKnown) {
    range.low = 0;
    range.high = at(1);
    range.dominant = ['placement', ...range.dominant];
  }
  return {
    eligible: true,
    reasons: [],
    lawBurnFraction: c.burnFraction,
    share: range,
    inputs,
    breakdown: pool.shares.map((s, i) => ({
      label: `${pool.name} rank ${i + 1}`,
      value: keep * pool.weight * s,
      unit: 'share of the pool',
    })),
    scenarios: [
      { label: `1st in ${pool.name}`, share: at(1) },
      { label: `last paid rank (${pool.shares.length}) in ${pool.name}`, share: at(pool.shares.length) },
      { label: `rank ${pool.shares.length + 1} (unpaid)`, share: 0 },
    ],
    assumptions,
    missing,
    warnings: [],
  };
}

export const rankSharesLaw: IncentiveLaw<RankSharesConfig, RankSharesFlags, FieldQualityTable> = {
  kind: 'rank-shares',
  title: 'Rank shares (fixed shares for the top ranks of each pool)',
  summary:
    "equal or fixed shares for the top k of each pool (Vidaio top 5 of 80 % compression / 20 % upscaling; Score's one winner); the rank is stated as an assumption",
  configSchema: rankSharesConfigSchema,
  tableSchema: fieldQualityTableSchema,
  options: rankSharesOptions,
  tableOption: { key: 'fieldQuality', isFile: isFieldQualityFile },
  pools: {
    names: (c) => c.pools.map((p) => p.name),
    inForce: (c, f) => f.pool ?? c.defaultPool,
  },
  estimate: (ctx) => lawEarnings(rankSharesLaw, ctx, outcome(ctx)),
};
