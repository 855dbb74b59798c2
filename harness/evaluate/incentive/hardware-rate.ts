// hardware-rate law (SN51 Lium, SN27 NI Compute, SN39 Basilica): a rate per GPU class x this machine's GPUs, shared
// against the subnet's other GPUs, x uptime, sysbox and collateral factors, after the validator's burn. Pure.
//
// class-pool (Lium, Datura-ai/lium-io@bc290ae 2025-08-22: core/validator.py calc_job_score, clients/subtensor_client.py
// set_weights): executor score = rate(model) x gpus / all GPUs of that model x (0.05 + min(0.95, uptime / 5 days))
// x 1.2 with sysbox x 0.5 without collateral; weight = (1 - 0.8 burn) x score / sum of all scores.
// score-share (SN27, neuralinternet/compute-subnet@303b31e: neurons/Validator/calculate_pow_score.py, validator.py
// set_weights): score = gpu_score(class) x min(gpus, 8) / (best gpu_score x 8); weight = score / sum of all scores.
import { MinerbenchError } from '../../errors.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import {
  hardwareRateConfigSchema,
  hardwareRateOptions,
  type HardwareRateConfig,
  type HardwareRateFlags,
} from './hardware-rate-config.ts';
import { hardwareRateClass, type MachineClass } from './hardware-rate-class.ts';
import { type HardwareRateTable, hardwareRateTableSchema } from './hardware-rate-table.ts';
import type { IncentiveLaw, LawContext } from './incentive-law.ts';
import { lawEarnings, type LawOutcome } from './law-earnings.ts';
import { assumedInput, fieldInput, flagInput, rulesInput, tableInput } from './law-input.ts';
import { shareRange, type Uncertain } from './share-range.ts';

type Ctx = LawContext<HardwareRateConfig, HardwareRateFlags, HardwareRateTable>;
type ShareFn = (v: Readonly<Record<string, number>>) => number | null;

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A factor the machine's flags may fix; unknown, it spans [low, high] with `value` stated. */
function factor(
  o: {
    name: string;
    label: string;
    flag: string;
    given: number | null;
    value: number;
    range: [number, number];
    why: string;
  },
  inputs: LawInput[],
  uncertain: Uncertain[],
): (v: Readonly<Record<string, number>>) => number {
  if (o.given !== null) {
    inputs.push(flagInput({ name: o.name, label: o.label, value: o.given, unit: 'x' }, o.flag.split(' ')[0]!));
    return () => o.given!;
  }
  if (o.range[0] === o.range[1]) return () => o.value;
  uncertain.push({ name: o.name, value: o.value, range: o.range });
  inputs.push(assumedInput({ name: o.name, label: o.label, value: o.value, unit: 'x' }, o.range, `--${o.flag}`, o.why));
  return (v) => v[o.name]!;
}

function outcome(ctx: Ctx): LawOutcome {
  const table = ctx.table!;
  const t = table.data;
  const f = ctx.flags;
  const m: MachineClass = hardwareRateClass(ctx.machine, table);
  const inputs = [...m.inputs];
  const uncertain: Uncertain[] = [];
  const assumptions = [...m.assumptions];
  inputs.push(
    tableInput(
      {
        name: 'burnFraction',
        label: `weight the validator sends to burn UIDs ${t.burn.uids.join(', ') || '(none)'}`,
        value: t.burn.fraction,
        unit: 'fraction',
      },
      table,
    ),
  );

  // The machine's own factors (Lium): uptime ramp, sysbox runtime, collateral.
  let uptime = 1;
  if (t.uptime) {
    const days = f.uptimeDays ?? t.uptime.fullAfterDays;
    uptime = t.uptime.floor + Math.min(1 - t.uptime.floor, days / t.uptime.fullAfterDays);
    const b = {
      name: 'uptimeFactor',
      label: `uptime factor at ${days} days (ramp from ${t.uptime.floor} over ${t.uptime.fullAfterDays} days)`,
      value: r6(uptime),
      unit: 'x',
    };
    inputs.push(
      f.uptimeDays === null ? rulesInput(b, `${table.path} uptime (past the ramp)`) : flagInput(b, 'uptime-days'),
    );
  }
  const bonus = t.sysboxBonus ?? 0;
  const sysbox = factor(
    {
      name: 'sysbox',
      label: 'sysbox runtime factor',
      flag: 'sysbox yes|no',
      given: f.sysbox === null ? null : f.sysbox === 'yes' ? 1 + bonus : 1,
      value: 1,
      range: [1, 1 + bonus],
      why: 'assumed: the executor does not run sysbox',
    },
    inputs,
    uncertain,
  );
  const excluded = m.gpuClass !== null && (t.collateralExcluded ?? []).includes(m.gpuClass);
  const notDep = excluded ? 1 : (t.notDepositedMultiplier ?? 1);
  const collateral = factor(
    {
      name: 'collateral',
      label: 'collateral factor',
      flag: 'collateral yes|no',
      given: f.collateral === null ? null : f.collateral === 'yes' ? 1 : notDep,
      value: 1,
      range: [notDep, 1],
      why: 'assumed: the collateral is deposited',
    },
    inputs,
    uncertain,
  );
  const breakdown = [
    { label: 'GPU class', value: m.gpuClass, unit: null },
    { label: 'GPUs counted', value: m.counted, unit: 'GPUs' },
    { label: 'uptime factor', value: r6(uptime), unit: 'x' },
    ...m.breakdown,
  ];
  if (m.cls?.depositTaoPerGpuDay !== undefined && !excluded) {
    const days = t.collateralDays ?? 1;
    breakdown.push({
      label: `collateral to lock: ${m.cls.depositTaoPerGpuDay} TAO per GPU-day x ${m.count} GPUs x ${days} days`,
      value: r6(m.cls.depositTaoPerGpuDay * m.count * days),
      unit: 'TAO',
    });
  }

  // The rest of the field, then the share of the miner pool after the validator's burn.
  const rate = m.cls?.rate ?? 0;
  const keep = 1 - t.burn.fraction;
  const where = ctx.config.assume.where;
  let share: ShareFn;
  if (t.split === 'class-pool') {
    const others = fieldInput(
      {
        name: 'othersOfClass',
        label: `other ${m.gpuClass ?? 'such'} GPUs on the subnet`,
        flag: '--gpus-of-model N',
        unit: 'GPUs',
        given: f.gpusOfModel,
        assumed: ctx.config.assume.othersOfClass,
        where,
      },
      inputs,
      uncertain,
    );
    const field = fieldInput(
      {
        name: 'fieldFactor',
        label: 'mean uptime x sysbox x collateral factor of the other executors',
        flag: '--field-factor F',
        unit: 'x',
        given: f.fieldFactor,
        assumed: ctx.config.assume.fieldFactor ?? { value: 1, range: [1, 1] },
        where,
      },
      inputs,
      uncertain,
    );
    const rateSum = Object.values(t.gpus).reduce((s, g) => s + g.rate, 0);
    assumptions.push(
      `every class of the table has GPUs on the subnet: the other executors' scores add up to field factor x (sum of rates ${r6(rateSum)} - the part of ${m.gpuClass ?? 'this class'}'s rate this machine takes)`,
      "the table's rate is the validator's starting portion; live portions move toward each class's rental revenue share, which cannot be read offline",
    );
    share = (v) => {
      const mine = m.counted === 0 ? 0 : (rate * m.counted) / (m.counted + others(v));
      const myScore = mine * uptime * sysbox(v) * collateral(v);
      const total = myScore + field(v) * (rateSum - mine);
      return total <= 0 ? 0 : (keep * myScore) / total;
    };
  } else {
    let maxRate = 0;
    for (const g of Object.values(t.gpus)) if (g.rate > maxRate) maxRate = g.rate;
    const cap = t.maxGpusCounted ?? Math.max(1, m.count);
    const myScore = maxRate === 0 ? 0 : ((rate * m.counted) / (maxRate * cap)) * uptime;
    breakdown.push({
      label: `score = rate ${rate} x ${m.counted} GPUs counted / (best rate ${maxRate} x ${cap})`,
      value: r6(myScore),
      unit: null,
    });
    const others = fieldInput(
      {
        name: 'othersScore',
        label: "sum of the other miners' scores",
        flag: '--others-score S',
        unit: 'score',
        given: f.othersScore,
        assumed: ctx.config.assume.othersScore,
        where,
      },
      inputs,
      uncertain,
    );
    share = (v) => {
      const total = myScore + others(v);
      return total <= 0 ? 0 : (keep * myScore) / total;
    };
  }
  const range = shareRange(uncertain, share);
  const scenarios: LawOutcome['scenarios'] = [];
  if (t.uptime && f.uptimeDays === null && m.eligible)
    scenarios.push({
      label: 'first day on the subnet (uptime factor at its floor)',
      share: outcome({ ...ctx, flags: { ...f, uptimeDays: 0 } }).share.value,
    });
  if (range.low !== null && range.high !== null && range.low !== range.high)
    scenarios.push(
      { label: 'low end of the assumed inputs', share: range.low },
      { label: 'high end of the assumed inputs', share: range.high },
    );
  return {
    eligible: m.eligible,
    reasons: m.reasons,
    lawBurnFraction: t.burn.fraction,
    share: range,
    inputs,
    breakdown,
    scenarios,
    assumptions,
    missing: m.cls
      ? []
      : [`no rate for ${m.name ?? 'this GPU'}: if the subnet lists it now, give a newer table with --law-table FILE`],
    warnings: m.warnings,
  };
}

export const hardwareRateLaw: IncentiveLaw<HardwareRateConfig, HardwareRateFlags, HardwareRateTable> = {
  kind: 'hardware-rate',
  title: 'Hardware rate (GPU model rate x count share)',
  summary:
    "a rate per exact GPU model (or class identified from TFLOPS) x this machine's GPUs / all GPUs of that model on the subnet, x uptime, sysbox and collateral factors, after the validator's burn",
  configSchema: hardwareRateConfigSchema,
  tableSchema: hardwareRateTableSchema,
  options: hardwareRateOptions,
  estimate(ctx) {
    if (!ctx.table) throw new MinerbenchError('INTERNAL', 'hardware-rate needs its table (the loader supplies it)');
    return lawEarnings(hardwareRateLaw, ctx, outcome(ctx));
  },
};
