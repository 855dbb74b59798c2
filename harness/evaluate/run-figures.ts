// runFigures: the numbers reports compare and the index stores, each with its noise interval, read from one result.
import { figure, type Figure } from './figure.ts';
import { quantileInterval } from './quantile-interval.ts';
import type { RunResult } from '../model/result/run-result.ts';

export type MetricId =
  | 'qualityPerJoule'
  | 'meanW'
  | 'joulesPerQuery'
  | 'p50Ms'
  | 'p99Ms'
  | 'p99OfTimeout'
  | 'capacityQps'
  | 'quality'
  | 'errorRate'
  | 'netPerDay';

export interface MetricDef {
  id: MetricId;
  label: string;
  unit: string;
  better: 'higher' | 'lower';
  /** How the noise interval of one run is found (shown under the reports' tables). */
  noise: string;
}

/** Relative noise assumed for one run's throughput: a run has no repeat inside it to measure it from. */
export const THROUGHPUT_NOISE = 0.05;

export const METRICS: readonly MetricDef[] = [
  {
    id: 'qualityPerJoule',
    label: 'quality per joule',
    unit: '1/J',
    better: 'higher',
    noise: 'energy uncertainty (sampling, lag, sensor accuracy) and the quality interval',
  },
  { id: 'meanW', label: 'mean power', unit: 'W', better: 'lower', noise: 'energy uncertainty over the load window' },
  {
    id: 'joulesPerQuery',
    label: 'energy per query',
    unit: 'J',
    better: 'lower',
    noise: 'energy uncertainty over the load window',
  },
  {
    id: 'p50Ms',
    label: 'p50 latency',
    unit: 'ms',
    better: 'lower',
    noise: 'order-statistic 95 % interval of the percentile',
  },
  {
    id: 'p99Ms',
    label: 'p99 latency',
    unit: 'ms',
    better: 'lower',
    noise: 'order-statistic 95 % interval of the percentile',
  },
  { id: 'p99OfTimeout', label: 'p99 / timeout', unit: '%', better: 'lower', noise: 'as p99 latency' },
  {
    id: 'capacityQps',
    label: 'capacity',
    unit: 'q/s',
    better: 'higher',
    noise: `the run's batch-means 95 % interval, else ±${THROUGHPUT_NOISE * 100} % assumed; the spread across runs when there are several`,
  },
  {
    id: 'quality',
    label: 'quality',
    unit: '',
    better: 'higher',
    noise: '95 % interval of a mean of scores in [0, 1]: 1.96·sqrt(m(1-m)/n)',
  },
  {
    id: 'errorRate',
    label: 'errors + timeouts',
    unit: '%',
    better: 'lower',
    noise: 'Wilson 95 % interval of a proportion',
  },
  {
    id: 'netPerDay',
    label: 'net per day',
    unit: '/day',
    better: 'higher',
    noise: 'power cost moved by the energy uncertainty',
  },
];

export type RunFigures = Partial<Record<MetricId, Figure>>;

function wilson(k: number, n: number): Figure {
  const z = 1.96,
    p = k / n,
    d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d,
    w = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { value: p * 100, lo: Math.max(0, c - w) * 100, hi: Math.min(1, c + w) * 100 };
}

export function runFigures(r: RunResult): RunFigures {
  const f: RunFigures = {};
  const L = r.latency;
  const bins = L?.histogram ?? [];
  if (L && L.p50Ms !== null) f.p50Ms = { value: L.p50Ms, ...quantileInterval(bins, 0.5, L.p50Ms) };
  if (L && L.p99Ms !== null) {
    f.p99Ms = { value: L.p99Ms, ...quantileInterval(bins, 0.99, L.p99Ms) };
    const t = (r.config.timeoutS ?? 0) * 1000;
    if (t > 0)
      f.p99OfTimeout = { value: (100 * f.p99Ms.value) / t, lo: (100 * f.p99Ms.lo) / t, hi: (100 * f.p99Ms.hi) / t };
  }
  const load = r.load;
  if (load && load.measured > 0) {
    const ci = r.confidence?.throughput;
    f.capacityQps =
      ci && ci.lowQps !== null && ci.highQps !== null && ci.meanQps > 0
        ? {
            value: load.okQps,
            lo: Math.min(load.okQps, (load.okQps * ci.lowQps) / ci.meanQps),
            hi: Math.max(load.okQps, (load.okQps * ci.highQps) / ci.meanQps),
          }
        : figure(load.okQps, load.okQps * THROUGHPUT_NOISE);
    f.errorRate = wilson(load.error + load.timeout + load.dropped, Math.max(1, load.measured - load.interrupted));
  }
  const q = r.quality;
  if (q && q.mean !== null && q.scored > 0) {
    const m = Math.min(1, Math.max(0, q.mean));
    f.quality = figure(q.mean, 1.96 * Math.sqrt((m * (1 - m)) / q.scored));
  }
  const e = r.energy;
  let relU = 0;
  if (e.measured) {
    relU = e.energyJ !== null && e.energyJ > 0 ? (e.uncertaintyJ ?? 0) / e.energyJ : 0;
    if (e.meanW !== null) f.meanW = figure(e.meanW, e.meanW * relU);
    const jpq = e.perQuery?.energyJ ?? null;
    if (jpq !== null) f.joulesPerQuery = figure(jpq, jpq * relU);
    if (e.qualityPerJoule !== null) {
      const relQ = f.quality && f.quality.value > 0 ? (f.quality.hi - f.quality.value) / f.quality.value : 0;
      f.qualityPerJoule = figure(e.qualityPerJoule, e.qualityPerJoule * (relU + relQ));
    }
  }
  const net = r.earnings?.net.fiatPerDay;
  if (net && net.value !== null) {
    // The law's own range over unknown inputs, widened by the power cost's share of the energy uncertainty.
    const cost = Math.abs(r.earnings?.power.costPerDay ?? 0) * relU;
    f.netPerDay = {
      value: net.value,
      lo: Math.min(net.low ?? net.value, net.value - cost),
      hi: Math.max(net.high ?? net.value, net.value + cost),
    };
  }
  return f;
}

/** The currency net per day is in, when the result says. */
export function earningsCurrency(earnings: RunResult['earnings']): string | null {
  return earnings?.net.currency ?? null;
}
