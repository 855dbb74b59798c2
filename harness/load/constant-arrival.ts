// constantSchedule: open loop at a fixed rate, query i due at i/rate seconds (no accumulated sleeps).
import type { ArrivalSchedule } from './arrival-schedule.ts';

export function constantSchedule(ratePerS: number, endMs = Infinity): ArrivalSchedule {
  if (!(ratePerS > 0)) throw new RangeError(`rate must be > 0, got ${ratePerS}`);
  const gap = 1000 / ratePerS;
  return {
    kind: 'constant',
    targetStartMs: (i) => {
      const t = i * gap;
      return t < endMs ? t : null;
    },
  };
}
