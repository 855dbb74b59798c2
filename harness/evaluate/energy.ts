// evaluateEnergy: PURE. GPU energy of a load window from streamed power samples: totals, above-idle, per query, flags.
import type { EnergyReport, GpuEnergy } from '../model/result/energy-section.ts';
import { energyFlags, type FlagSample } from './energy-flags.ts';
import { integratePower, type TimeWindow } from './energy-integrate.ts';
import { energyUncertainty, type ReadingKind } from './energy-uncertainty.ts';

export type { EnergyReport, GpuEnergy };

/** What the sampler recorded; a GpuSamplerArtifact (harness/model/gpu-sampler-artifact.ts) is one. */
export interface EnergyTrace {
  periodMs: number;
  /** Explicit no-data windows (nvidia-smi restarts): never bridged. */
  gaps?: readonly TimeWindow[];
  /** The field the clock event reasons were sampled from; null or absent when they were not sampled. */
  reasonsField?: string | null;
  gpus: Record<string, { reading: ReadingKind; samples: readonly FlagSample[] }>;
}

export interface EnergyOptions {
  /** An interval longer than gapFactor x periodMs is a gap; default 3. */
  gapFactor: number;
  /** Per-reading accuracy nvidia-smi documents; default 5 W. */
  sensorAccuracyW: number;
  /** Averaging window of a '1s-average' reading; default 1000 ms. */
  averagingWindowMs: number;
  /** Share of the enforced limit from which power counts as capped; default 0.95. */
  nearLimitRatio: number;
}

export interface EnergyInput {
  trace: EnergyTrace;
  /** The measured load (after warmup), on the trace's clock. */
  loadWindow: TimeWindow;
  /** A quiet window before load, for the idle baseline; without it there is no above-idle figure. */
  idleWindow?: TimeWindow | null;
  /** Queries sent in the load window, those that succeeded, and the sum of their quality scores. */
  queries?: { total: number; successful: number; qualitySum?: number | null } | null;
  /** Per GPU UUID, the enforced power limit from the inventory (when samples lack enforced.power.limit). */
  enforcedLimitW?: Record<string, number | null>;
  /** Per GPU UUID, processes that are not the miner's (from the inventory at start and end of the run). */
  otherProcesses?: Record<string, ReadonlyArray<{ pid: number | null; name: string | null }>>;
  options?: Partial<EnergyOptions>;
}

const DEFAULTS: EnergyOptions = { gapFactor: 3, sensorAccuracyW: 5, averagingWindowMs: 1000, nearLimitRatio: 0.95 };

export function evaluateEnergy(input: EnergyInput): EnergyReport {
  const o: EnergyOptions = { ...DEFAULTS, ...input.options };
  const { trace } = input;
  const integ = { maxIntervalMs: o.gapFactor * trace.periodMs, gaps: trace.gaps ?? [] };
  const uOpts = {
    periodMs: trace.periodMs,
    sensorAccuracyW: o.sensorAccuracyW,
    averagingWindowMs: o.averagingWindowMs,
  };
  const gpus = Object.entries(trace.gpus).map(([uuid, g]): GpuEnergy => {
    const load = integratePower(g.samples, input.loadWindow, integ);
    const idle = input.idleWindow ? integratePower(g.samples, input.idleWindow, integ) : null;
    const meanW = load.meanW;
    const energyJ = meanW === null ? null : meanW * load.windowS;
    const idleW = idle?.meanW ?? null;
    const aboveIdleJ = energyJ === null || idleW === null ? null : energyJ - idleW * load.windowS;
    const uncertainty = meanW === null ? null : energyUncertainty(load, g.reading, uOpts);
    let aboveIdleUncertaintyJ: number | null = null;
    if (uncertainty && idle && idle.coveredS > 0 && aboveIdleJ !== null) {
      const iu = energyUncertainty(idle, g.reading, uOpts);
      aboveIdleUncertaintyJ =
        uncertainty.joules + ((iu.samplingJ + iu.lagJ + iu.uncoveredJ) / idle.windowS) * load.windowS;
    }
    const flags = energyFlags(uuid, g.samples, input.loadWindow, {
      nearLimitRatio: o.nearLimitRatio,
      enforcedLimitW: input.enforcedLimitW?.[uuid] ?? null,
      otherProcesses: input.otherProcesses?.[uuid] ?? [],
      uncoveredS: load.uncoveredS,
      reasonsSampled: Boolean(trace.reasonsField),
    });
    return {
      uuid,
      reading: g.reading,
      load,
      idle,
      energyJ,
      aboveIdleJ,
      meanW,
      idleW,
      uncertainty,
      aboveIdleUncertaintyJ,
      flags,
    };
  });
  return summarize(gpus, input);
}

function sumOrNull(xs: Array<number | null>): number | null {
  if (xs.length === 0 || xs.some((x) => x === null)) return null;
  return (xs as number[]).reduce((a, b) => a + b, 0);
}

function per(j: number | null, n: number): number | null {
  return j === null || n <= 0 ? null : j / n;
}

function summarize(gpus: GpuEnergy[], input: EnergyInput): EnergyReport {
  const windowS = Math.max(0, input.loadWindow.endMs - input.loadWindow.startMs) / 1000;
  const energyJ = sumOrNull(gpus.map((g) => g.energyJ));
  const aboveIdleJ = sumOrNull(gpus.map((g) => g.aboveIdleJ));
  const uncertaintyJ = sumOrNull(gpus.map((g) => g.uncertainty?.joules ?? null));
  const coveredS = gpus.reduce((a, g) => a + g.load.coveredS, 0);
  const q = input.queries ?? null;
  const quality = q?.qualitySum ?? null;
  return {
    windowS,
    gpus,
    energyJ,
    aboveIdleJ,
    meanW: energyJ === null || windowS === 0 ? null : energyJ / windowS,
    idleW: sumOrNull(gpus.map((g) => g.idleW)),
    uncertaintyJ,
    aboveIdleUncertaintyJ: sumOrNull(gpus.map((g) => g.aboveIdleUncertaintyJ)),
    coveredS,
    uncoveredS: gpus.length * windowS - coveredS,
    coverage: gpus.length && windowS ? coveredS / (gpus.length * windowS) : 0,
    perQuery: q ? { energyJ: per(energyJ, q.total), aboveIdleJ: per(aboveIdleJ, q.total) } : null,
    perSuccessfulQuery: q ? { energyJ: per(energyJ, q.successful), aboveIdleJ: per(aboveIdleJ, q.successful) } : null,
    qualityPerJoule: quality === null || !energyJ ? null : quality / energyJ,
    qualityPerJouleAboveIdle: quality === null || !aboveIdleJ || aboveIdleJ <= 0 ? null : quality / aboveIdleJ,
    flags: gpus.flatMap((g) => g.flags),
    statement: statement(energyJ, uncertaintyJ),
  };
}

function statement(j: number | null, u: number | null): string {
  if (j === null) return 'no GPU energy figure: power readings missing';
  const pct = u !== null && j > 0 ? ` (${((100 * u) / j).toFixed(1)}%)` : '';
  return `${j.toFixed(1)} J ± ${(u ?? 0).toFixed(1)} J${pct}`;
}
