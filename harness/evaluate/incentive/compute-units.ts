// compute-units law (SN64 Chutes): tokens served, normalised by the network's per-request tokens/s, x the GPU price
// multiplier, as a share of the subnet's compute units; the other features assumed in proportion. Pure.
//
// chutesai/chutes-api@d390a53 (2025-10-04): api/metrics/perf.py (nc = it/ptps + ot/otps per invocation), api/gpu.py
// (COMPUTE_MULTIPLIER = hourly_rate / max hourly_rate), api/chute/schemas.py (instance multiplier = gpu_count x the
// chute's cheapest supported GPU), metasync/constants.py + shared.py (7-day sums; final score = 0.52 compute units
// + 0.20 invocations + 0.20 unique chutes + 0.08 bounties, each this miner's part of the total).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { MinerbenchError } from '../../errors.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import {
  computeUnitsConfigSchema,
  computeUnitsOptions,
  computeUnitsTableSchema,
  type ComputeUnitsConfig,
  type ComputeUnitsFlags,
  type ComputeUnitsTable,
} from './compute-units-config.ts';
import type { IncentiveLaw, LawContext } from './incentive-law.ts';
import { lawEarnings, type LawOutcome } from './law-earnings.ts';
import { assumedInput, fieldInput, flagInput, measuredInput, tableInput } from './law-input.ts';
import { shareRange, type Uncertain } from './share-range.ts';

type Flags = ComputeUnitsFlags & { computeMultiplier: number | null };
type Ctx = LawContext<ComputeUnitsConfig, Flags, ComputeUnitsTable>;
type V = Readonly<Record<string, number>>;

export const computeMultiplierOption = defineOption({
  key: 'computeMultiplier',
  flag: 'compute-multiplier',
  type: 'number',
  schema: z.number().positive('a multiplier (> 0) per GPU').max(1, 'a multiplier per GPU is at most 1').nullable(),
  default: null,
  describe:
    "compute-units: the per-GPU multiplier of the chutes this machine would serve (the cheapest GPU each chute accepts, hourly rate / the table's highest)",
  owner: 'law compute-units',
  defaultText: "this GPU's own, down to the cheapest GPU with as much memory",
});

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The table GPU kind of an nvidia-smi name: the first whose pattern finds it (api/node/schemas.py uses re.search). */
export function chutesGpuOf(name: string | null, gpus: ComputeUnitsTable['gpus']): string | null {
  if (name === null) return null;
  for (const [kind, g] of Object.entries(gpus)) if (new RegExp(g.match).test(name)) return kind;
  return null;
}

function outcome(ctx: Ctx): LawOutcome {
  const table = ctx.table!;
  const t = table.data;
  const f = ctx.flags;
  const a = ctx.config.assume;
  const inputs: LawInput[] = [];
  const uncertain: Uncertain[] = [];
  const reasons: string[] = [];
  const missing: string[] = [];
  const assumptions: string[] = [];
  const gpus = ctx.machine.facts.gpus;
  const name = gpus[0]?.name ?? null;
  const kind = chutesGpuOf(name, t.gpus);
  const g = gpus.length;
  inputs.push(
    measuredInput(
      { name: 'gpus', label: `GPUs serving (${name ?? 'none'})`, value: g, unit: 'GPUs' },
      ctx.machine.facts.gpuSource,
    ),
  );
  let eligible: boolean | null = true;
  if (g === 0 || kind === null) {
    eligible = false;
    reasons.push(
      g === 0
        ? 'no GPU on this machine'
        : `GPU ${name} is not among the GPUs the platform supports (${table.path}: ${Object.keys(t.gpus).join(', ')})`,
    );
  }
  let maxRate = 0;
  for (const x of Object.values(t.gpus)) if (x.hourlyRate > maxRate) maxRate = x.hourlyRate;
  const own = kind ? t.gpus[kind]! : null;
  const ownMult = own ? own.hourlyRate / maxRate : 0;
  let cheapest = ownMult;
  if (own)
    for (const x of Object.values(t.gpus))
      if (x.memoryGb >= own.memoryGb && x.hourlyRate / maxRate < cheapest) cheapest = x.hourlyRate / maxRate;
  if (own)
    inputs.push(
      tableInput(
        { name: 'hourlyRate', label: `platform hourly rate of ${kind}`, value: own.hourlyRate, unit: 'USD/h' },
        table,
      ),
    );
  let mult: (v: V) => number;
  if (f.computeMultiplier !== null) {
    inputs.push(
      flagInput(
        { name: 'computeMultiplier', label: 'per-GPU compute multiplier', value: f.computeMultiplier, unit: 'x' },
        'compute-multiplier',
      ),
    );
    mult = () => f.computeMultiplier!;
  } else {
    uncertain.push({ name: 'computeMultiplier', value: ownMult, range: [cheapest, ownMult] });
    inputs.push(
      assumedInput(
        { name: 'computeMultiplier', label: 'per-GPU compute multiplier', value: r6(ownMult), unit: 'x' },
        [r6(cheapest), r6(ownMult)],
        '--compute-multiplier X',
        `this GPU's own (${kind ?? '?'} ${own?.hourlyRate ?? '?'} / ${maxRate} USD/h); a chute that also accepts a cheaper GPU with as much memory pays that GPU's`,
      ),
    );
    mult = (v) => v['computeMultiplier']!;
  }

  // What this machine served under load, and the network speeds that normalise it.
  const tok = ctx.machine.tokens;
  const P = tok?.promptTokensPerS ?? null;
  const O = tok?.outputTokensPerS ?? null;
  if (P === null || O === null)
    missing.push('no prompt/output tokens per second measured (a replay run of the served model measures them)');
  else {
    inputs.push(
      measuredInput(
        { name: 'promptTokensPerS', label: 'prompt tokens/s served under load', value: P, unit: 'tokens/s' },
        'replay workload',
      ),
    );
    inputs.push(
      measuredInput(
        { name: 'outputTokensPerS', label: 'output tokens/s served under load', value: O, unit: 'tokens/s' },
        'replay workload',
      ),
    );
  }
  const speed = (
    given: number | null,
    ownStream: number | null | undefined,
    label: string,
    flag: string,
  ): ((v: V) => number) | null => {
    if (given !== null) {
      inputs.push(flagInput({ name: flag, label, value: given, unit: 'tokens/s' }, flag));
      return () => given;
    }
    if (ownStream == null) {
      missing.push(`--${flag} not given and this run has no per-request tokens/s to stand in for it`);
      return null;
    }
    if (!uncertain.some((u) => u.name === 'networkSpeedRatio')) {
      uncertain.push({ name: 'networkSpeedRatio', value: a.networkSpeedRatio.value, range: a.networkSpeedRatio.range });
      inputs.push(
        assumedInput(
          {
            name: 'networkSpeedRatio',
            label: "the network's per-request speed over this machine's",
            value: a.networkSpeedRatio.value,
            unit: 'x',
          },
          a.networkSpeedRatio.range,
          '--network-ptps N --network-otps N',
          `the plugin's guess; ${a.where}`,
        ),
      );
    }
    inputs.push(
      measuredInput(
        { name: `${flag}-own`, label: `this machine's ${label}`, value: ownStream, unit: 'tokens/s' },
        'replay workload (per request)',
      ),
    );
    return (v) => ownStream * v['networkSpeedRatio']!;
  };
  const ptps = speed(f.networkPtps, tok?.promptTokensPerStreamS, 'prompt tokens/s per request', 'network-ptps');
  const otps = speed(f.networkOtps, tok?.outputTokensPerStreamS, 'output tokens/s per request', 'network-otps');
  const pick = (
    key: 'utilisation' | 'networkCuPerDay',
    given: number | null,
    label: string,
    unit: string,
    flag: string,
  ) =>
    fieldInput(
      {
        name: key,
        label,
        flag: `--${flag} X`,
        unit,
        given,
        assumed: key === 'utilisation' ? a.utilisation : a.networkComputeUnitsPerDay,
        where: a.where,
      },
      inputs,
      uncertain,
    );
  const util = pick('utilisation', f.utilisation, 'share of the day serving routed traffic', 'fraction', 'utilisation');
  const others = pick(
    'networkCuPerDay',
    f.networkCuPerDay,
    'compute units the rest of the subnet earns per day',
    'CU/day',
    'network-cu-per-day',
  );
  const w = t.featureWeights;
  uncertain.push({ name: 'otherFeaturesRatio', value: a.otherFeaturesRatio.value, range: a.otherFeaturesRatio.range });
  inputs.push(
    assumedInput(
      {
        name: 'otherFeaturesRatio',
        label: 'share of invocations, unique chutes and bounties over the share of compute units',
        value: a.otherFeaturesRatio.value,
        unit: 'x',
      },
      a.otherFeaturesRatio.range,
      '(no flag: the platform does not publish it per miner)',
      `the plugin's guess; ${a.where}`,
    ),
  );

  const cuPerDay = (v: V): number | null => {
    if (P === null || O === null || !ptps || !otps) return null;
    return 86_400 * util(v) * (P / ptps(v) + O / otps(v)) * g * mult(v);
  };
  const share = (v: V): number | null => {
    const cu = cuPerDay(v);
    if (cu === null) return null;
    const cuShare = cu + others(v) <= 0 ? 0 : cu / (cu + others(v));
    return (w.computeUnits + (1 - w.computeUnits) * v['otherFeaturesRatio']!) * cuShare;
  };
  const base: Record<string, number> = {};
  for (const u of uncertain) base[u.name] = u.value;
  assumptions.push(
    `compute units/day = 86400 s x utilisation x (prompt tokens/s / network ptps + output tokens/s / network otps) x ${g} GPUs x multiplier (each request's normalised time, so concurrency counts)`,
    `score over ${t.scoringIntervalDays} days = ${w.computeUnits} x this machine's part of compute units + ${r6(1 - w.computeUnits)} x its part of invocations, unique chutes and bounties (assumed in proportion, x the stated ratio)`,
    "routing, demand and TEE attestation are the platform's: minerbench cannot reproduce them; utilisation is an input",
  );
  return {
    eligible,
    reasons,
    lawBurnFraction: 0,
    share: shareRange(uncertain, share),
    inputs,
    breakdown: [
      { label: 'GPU kind', value: kind, unit: null },
      { label: 'per-GPU multiplier (this GPU)', value: r6(ownMult), unit: 'x' },
      {
        label: 'compute units per day at the stated values',
        value: cuPerDay(base) === null ? null : r6(cuPerDay(base)!),
        unit: 'CU/day',
      },
    ],
    scenarios: [],
    assumptions,
    missing,
    warnings: [],
  };
}

export const computeUnitsLaw: IncentiveLaw<ComputeUnitsConfig, Flags, ComputeUnitsTable> = {
  kind: 'compute-units',
  title: 'Compute units (tokens normalised by network speed x GPU price)',
  summary:
    "tokens served / the network's average tokens per second x a GPU price multiplier, as a share of the subnet's compute units over 7 days",
  configSchema: computeUnitsConfigSchema,
  tableSchema: computeUnitsTableSchema,
  options: [...computeUnitsOptions, computeMultiplierOption],
  estimate(ctx) {
    if (!ctx.table) throw new MinerbenchError('INTERNAL', 'compute-units needs its table (the loader supplies it)');
    return lawEarnings(computeUnitsLaw, ctx, outcome(ctx));
  },
};
