// ARRIVAL_OPTIONS: the `run` flags of the arrival models, the validity minimums and the caching probe.
import type { Options } from 'yargs';
import type { RunOptions } from '../../config/run-options.ts';
import { knownArrivals } from '../../load/arrival-registry.ts';

export interface ArrivalCliArgs {
  arrival?: string;
  rate?: number;
  timeScale?: number;
  seed?: number;
  maxInFlight?: number;
  whenFull?: string;
  sweepStart?: number;
  sweepFactor?: number;
  sweepMax?: number;
  sweepStep?: number;
  minDuration?: number;
  minQueries?: number;
  cachingProbe?: number;
}

export const ARRIVAL_OPTIONS = {
  arrival: { type: 'string', describe: `arrival model: ${knownArrivals().join(' | ')} [default: closed]` },
  rate: { type: 'number', describe: 'open loop (constant, poisson): queries per second' },
  'time-scale': { type: 'number', describe: 'trace: replay speed, 2 = twice as fast [default: 1]' },
  seed: { type: 'number', describe: 'poisson: schedule seed [default: 1]' },
  'max-in-flight': {
    type: 'number',
    describe: 'open loop: most queries in flight; later starts are dropped or late [default: 1000]',
  },
  'when-full': {
    type: 'string',
    describe: 'open loop, all slots busy: drop (counted) | queue (sent late, lag reported) [default: drop]',
  },
  'sweep-start': { type: 'number', describe: 'sweep: first rate, q/s [default: 1]' },
  'sweep-factor': { type: 'number', describe: 'sweep: rate multiplier per rising step [default: 2]' },
  'sweep-max': { type: 'number', describe: 'sweep: highest rate tried, q/s [default: 10000]' },
  'sweep-step': { type: 'number', describe: 'sweep: seconds per step [default: 10]' },
  'min-duration': {
    type: 'number',
    describe: 'validity: shortest measurement window, seconds (MLPerf: 600) [default: 0 = off]',
  },
  'min-queries': { type: 'number', describe: 'validity: fewest measured queries [default: 100]' },
  'caching-probe': {
    type: 'number',
    describe: 'after the run, N fresh vs N repeated queries; flags a caching miner [default: 0 = off]',
  },
} satisfies Record<string, Options>;

export const ARRIVAL_EXAMPLES: Array<[string, string]> = [
  ['$0 run template --arrival constant --rate 50 --duration 30', 'open loop at 50 queries/s for 30 s'],
  ['$0 run template --arrival trace --time-scale 10', 'replay the captured spacing ten times faster'],
  [
    '$0 run inference-openai --arrival sweep --sweep-start 1 --sweep-step 15',
    'find the highest rate the miner sustains',
  ],
];

export function arrivalFlagsFromArgs(a: ArrivalCliArgs): Partial<RunOptions> {
  return {
    arrival: a.arrival,
    ratePerS: a.rate,
    timeScale: a.timeScale,
    seed: a.seed,
    maxInFlight: a.maxInFlight,
    whenFull: a.whenFull as RunOptions['whenFull'] | undefined,
    sweepStart: a.sweepStart,
    sweepFactor: a.sweepFactor,
    sweepMax: a.sweepMax,
    sweepStepS: a.sweepStep,
    minDurationS: a.minDuration,
    minQueries: a.minQueries,
    cachingProbe: a.cachingProbe,
  };
}
