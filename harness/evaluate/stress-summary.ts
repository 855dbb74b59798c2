// stressSummary: PURE. What the stress workload measured: sustained fp16/fp32 TFLOPS (median of the steady intervals),
// mean and peak power, joules per TFLOP, SM clocks and throttle reasons per interval, and a stability verdict.
import { maxOf, minOf } from '../model/min-max.ts';
import { CLOCK_EVENT_BITS } from './energy-flags.ts';
import { parseStressLines, type StressInterval } from './stress-lines.ts';
import { median } from './median.ts';

/** The fields of a streamed GPU sample the summary reads (a GpuSample has them all); t is wall-clock ms. */
export interface StressGpuSample {
  t: number;
  powerW: number | null;
  smClockMHz: number | null;
  eventReasons: number | null;
  temperatureC?: number | null;
}

/** What the sampler recorded (a GpuSamplerArtifact is one): samples per GPU UUID. */
export interface StressGpuTrace {
  gpus: Record<string, { samples: readonly StressGpuSample[] }>;
}

export interface PhaseSummary {
  phase: 'fp16' | 'fp32';
  /** The dtype the program really used (the CPU stand-ins run fp32/fp64 in both phases). */
  dtype: string;
  intervals: number;
  steadyIntervals: number;
  /** Median TFLOPS of the steady intervals, all devices together; null with no steady interval. */
  sustainedTflops: number | null;
  perDeviceTflops: number | null;
  minTflops: number | null;
  maxTflops: number | null;
  /** Coefficient of variation of the steady intervals' TFLOPS. */
  cv: number | null;
  /** Median of the last third of steady intervals over the first third's, minus 1 (negative: slowing down). */
  drift: number | null;
  windowMs: { startMs: number; endMs: number } | null;
  meanW: number | null;
  peakW: number | null;
  /** Mean W / sustained TFLOPS = joules per TFLOP of work (W = J/s, TFLOPS = TFLOP/s). */
  joulesPerTflop: number | null;
}

export interface IntervalClocks {
  phase: string;
  i: number;
  tflops: number;
  meanSmClockMHz: number | null;
  meanW: number | null;
  maxTemperatureC: number | null;
  /** Share of the interval's samples (all GPUs) with each clock event reason active. */
  reasons: Record<string, number>;
}

export interface StressSummary {
  /** 'gpu' or the stand-in, as the program said: the report says which ran. */
  ran: string;
  devices: string[];
  size: number | null;
  phases: PhaseSummary[];
  intervals: IntervalClocks[];
  /** Share of all steady samples with each reason active (sw_power_cap is normal at full load). */
  throttle: Record<string, number>;
  stability: { verdict: 'stable' | 'unstable' | 'unknown'; rule: string; reasons: string[] };
  errors: string[];
  unparsedLines: number;
}

/** Intervals at the start of each phase not counted as steady (cuBLAS warm-up, clocks ramping). */
export const WARMUP_INTERVALS = 1;
export const STABILITY_RULE =
  'stable when every phase has at least 3 steady intervals (the first interval of each phase is warm-up), their TFLOPS vary by at most 5 % (coefficient of variation), the median of the last third is within 5 % of the first third, the program ended without an error, and no GPU sample shows a hardware or thermal slowdown (hw_slowdown, hw_thermal_slowdown, sw_thermal_slowdown, hw_power_brake_slowdown); a software power cap is normal at full load and only reported';
const BAD_REASONS = new Set(['hw_slowdown', 'hw_thermal_slowdown', 'sw_thermal_slowdown', 'hw_power_brake_slowdown']);

function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Samples of every GPU inside [startMs, endMs]. */
function within(
  trace: StressGpuTrace | undefined,
  startMs: number,
  endMs: number,
): Array<{ uuid: string; s: StressGpuSample }> {
  const out: Array<{ uuid: string; s: StressGpuSample }> = [];
  for (const [uuid, g] of Object.entries(trace?.gpus ?? {}))
    for (const s of g.samples) if (s.t >= startMs && s.t <= endMs) out.push({ uuid, s });
  return out;
}

/** Mean power of all GPUs together (sum of per-GPU means) and the peak of their held sum, over a window. */
function power(
  trace: StressGpuTrace | undefined,
  startMs: number,
  endMs: number,
): { meanW: number | null; peakW: number | null } {
  const gpus = Object.keys(trace?.gpus ?? {});
  if (!gpus.length) return { meanW: null, peakW: null };
  const rows = within(trace, startMs, endMs).filter((r) => r.s.powerW !== null);
  let total = 0;
  for (const uuid of gpus) {
    const m = mean(rows.filter((r) => r.uuid === uuid).map((r) => r.s.powerW!));
    if (m === null) return { meanW: null, peakW: null };
    total += m;
  }
  // Peak: walk the samples in time order holding each GPU's last reading; the largest sum once all have one.
  const last = new Map<string, number>();
  let peak: number | null = null;
  for (const r of [...rows].sort((a, b) => a.s.t - b.s.t)) {
    last.set(r.uuid, r.s.powerW!);
    if (last.size === gpus.length) {
      let sum = 0;
      for (const v of last.values()) sum += v;
      if (peak === null || sum > peak) peak = sum;
    }
  }
  return { meanW: total, peakW: peak };
}

function reasonShares(samples: readonly StressGpuSample[]): Record<string, number> {
  const withBits = samples.filter((s) => s.eventReasons !== null);
  const out: Record<string, number> = {};
  if (!withBits.length) return out;
  for (const [bit, name] of CLOCK_EVENT_BITS) {
    const n = withBits.filter((s) => (s.eventReasons! & bit) !== 0).length;
    if (n > 0) out[name] = n / withBits.length;
  }
  return out;
}

function phaseSummary(
  phase: 'fp16' | 'fp32',
  all: readonly StressInterval[],
  trace: StressGpuTrace | undefined,
): PhaseSummary {
  const ivs = all.filter((x) => x.phase === phase).sort((a, b) => a.i - b.i);
  const steady = ivs.slice(WARMUP_INTERVALS);
  const t = steady.map((x) => x.tflops);
  const sustained = median(t);
  const m = mean(t);
  const sd = m === null ? null : Math.sqrt(t.reduce((a, x) => a + (x - m) ** 2, 0) / t.length);
  const third = Math.floor(t.length / 3);
  const first = third ? median(t.slice(0, third)) : null;
  const lastThird = third ? median(t.slice(t.length - third)) : null;
  const windowMs = steady.length ? { startMs: steady[0]!.tStartMs, endMs: steady[steady.length - 1]!.tEndMs } : null;
  const p = windowMs ? power(trace, windowMs.startMs, windowMs.endMs) : { meanW: null, peakW: null };
  const devices = ivs[0]?.devices ?? 1;
  return {
    phase,
    dtype: ivs[0]?.dtype ?? phase,
    intervals: ivs.length,
    steadyIntervals: steady.length,
    sustainedTflops: sustained,
    perDeviceTflops: sustained === null ? null : sustained / devices,
    minTflops: t.length ? minOf(t) : null,
    maxTflops: t.length ? maxOf(t) : null,
    cv: m === null || m === 0 || sd === null ? null : sd / m,
    drift: first === null || lastThird === null || first === 0 ? null : lastThird / first - 1,
    windowMs,
    meanW: p.meanW,
    peakW: p.peakW,
    joulesPerTflop: p.meanW === null || !sustained ? null : p.meanW / sustained,
  };
}

export function stressSummary(lines: readonly string[], gpu?: StressGpuTrace): StressSummary {
  const parsed = parseStressLines(lines);
  const start = parsed.start;
  const asked = start?.phases ?? (['fp16', 'fp32'] as const).filter((p) => parsed.intervals.some((x) => x.phase === p));
  const phases = asked.map((p) => phaseSummary(p, parsed.intervals, gpu));
  const intervals: IntervalClocks[] = parsed.intervals.map((iv) => {
    const rows = within(gpu, iv.tStartMs, iv.tEndMs).map((r) => r.s);
    const clocks = rows.map((s) => s.smClockMHz).filter((v): v is number => v !== null);
    const temps = rows.map((s) => s.temperatureC ?? null).filter((v): v is number => v !== null);
    return {
      phase: iv.phase,
      i: iv.i,
      tflops: iv.tflops,
      meanSmClockMHz: mean(clocks),
      meanW: power(gpu, iv.tStartMs, iv.tEndMs).meanW,
      maxTemperatureC: temps.length ? maxOf(temps) : null,
      reasons: reasonShares(rows),
    };
  });
  const steadySamples = phases.flatMap((p) =>
    p.windowMs ? within(gpu, p.windowMs.startMs, p.windowMs.endMs).map((r) => r.s) : [],
  );
  const throttle = reasonShares(steadySamples);

  const problems: string[] = [];
  const undecided: string[] = [];
  if (!start) problems.push('the program printed no start line');
  if (parsed.errors.length) problems.push(`the program failed: ${parsed.errors.join('; ')}`);
  else if (!parsed.ended) problems.push('the program did not finish (no end line)');
  for (const p of phases) {
    if (p.steadyIntervals < 3) {
      undecided.push(`${p.phase}: ${p.steadyIntervals} steady interval(s), 3 needed to judge`);
      continue;
    }
    if (p.cv !== null && p.cv > 0.05)
      problems.push(`${p.phase}: TFLOPS vary by ${(p.cv * 100).toFixed(1)} % between intervals (over 5 %)`);
    if (p.drift !== null && Math.abs(p.drift) > 0.05)
      problems.push(
        `${p.phase}: the last third runs ${(Math.abs(p.drift) * 100).toFixed(1)} % ${p.drift < 0 ? 'slower' : 'faster'} than the first`,
      );
  }
  for (const [name, share] of Object.entries(throttle))
    if (BAD_REASONS.has(name)) problems.push(`${name} in ${(share * 100).toFixed(1)} % of the GPU samples`);
  const verdict: StressSummary['stability']['verdict'] = problems.length
    ? 'unstable'
    : undecided.length
      ? 'unknown'
      : 'stable';
  const reasons = [...problems, ...undecided];
  return {
    ran: start ? (start.standIn ?? 'gpu') : 'unknown',
    devices: start?.devices ?? [],
    size: start?.size ?? null,
    phases,
    intervals,
    throttle,
    stability: { verdict, rule: STABILITY_RULE, reasons },
    errors: parsed.errors,
    unparsedLines: parsed.unparsed,
  };
}

/** The MachineMeasure figures a stress run gives the laws: TFLOPS of all GPUs together, stability, mean power. */
export function stressMeasure(s: StressSummary): {
  stress: { fp16Tflops: number | null; fp32Tflops: number | null; stable: boolean | null };
  meanPowerW: number | null;
} {
  const p16 = s.phases.find((p) => p.phase === 'fp16') ?? null;
  const p32 = s.phases.find((p) => p.phase === 'fp32') ?? null;
  const watts = [p16?.meanW, p32?.meanW].filter((w): w is number => w != null);
  const gpu = s.ran === 'gpu';
  return {
    // A CPU stand-in's TFLOPS are not a GPU's: the laws get null, the report shows the stand-in's numbers.
    stress: {
      fp16Tflops: gpu ? (p16?.sustainedTflops ?? null) : null,
      fp32Tflops: gpu ? (p32?.sustainedTflops ?? null) : null,
      stable: s.stability.verdict === 'unknown' ? null : s.stability.verdict === 'stable',
    },
    meanPowerW: watts.length ? watts.reduce((a, b) => a + b, 0) / watts.length : null,
  };
}
