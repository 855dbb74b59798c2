// poissonSchedule: open loop with exponential gaps at a mean rate (seeded), as MLPerf's Server scenario.
import type { ArrivalSchedule } from './arrival-schedule.ts';
import { seededRandom } from './seeded-random.ts';

export function poissonSchedule(ratePerS: number, seed: number, endMs = Infinity): ArrivalSchedule {
  if (!(ratePerS > 0)) throw new RangeError(`rate must be > 0, got ${ratePerS}`);
  const rnd = seededRandom(seed);
  const times: number[] = [0];
  return {
    kind: 'poisson',
    targetStartMs: (i) => {
      // The first query goes at 0; later ones at the running sum of exponential gaps, computed once and kept.
      while (times.length <= i) times.push(times[times.length - 1]! + (-Math.log(1 - rnd()) * 1000) / ratePerS);
      const t = times[i]!;
      return t < endMs ? t : null;
    },
  };
}
