// The options every open-loop arrival model shares (rate, in-flight cap, what to do when full), declared once.
import { z } from 'zod';
import { defineOption } from '../config/option-spec.ts';

export const RATE_OPTION = defineOption({
  key: 'ratePerS',
  flag: 'rate',
  env: 'MINERBENCH_RATE',
  type: 'number',
  schema: z
    .number()
    .finite('must be a finite number of queries per second')
    .positive('must be > 0 queries per second')
    .max(1_000_000)
    .nullable(),
  default: null,
  describe: 'open loop (constant, poisson): queries per second',
  owner: 'arrival constant, poisson',
});

export const MAX_IN_FLIGHT_OPTION = defineOption({
  key: 'maxInFlight',
  flag: 'max-in-flight',
  type: 'number',
  schema: z.number().int('must be a whole number').min(1, 'must be >= 1').max(100_000, 'must be at most 100000'),
  default: 1000,
  describe: 'open loop: most queries in flight; later starts are dropped or late',
  owner: 'arrival (open loop)',
});

export const WHEN_FULL_OPTION = defineOption({
  key: 'whenFull',
  flag: 'when-full',
  type: 'string',
  schema: z.enum(['drop', 'queue'], { error: "must be 'drop' or 'queue'" }),
  default: 'drop',
  describe: 'open loop, all slots busy: drop (counted) | queue (sent late, lag reported)',
  owner: 'arrival (open loop)',
});

export const OPEN_LOOP_OPTIONS = [MAX_IN_FLIGHT_OPTION, WHEN_FULL_OPTION] as const;

/** The open-loop part of a result's arrival info. */
export function openInfo(kind: string, o: { maxInFlight: number; whenFull: 'drop' | 'queue' }) {
  return { kind, open: true, maxInFlight: o.maxInFlight, whenFull: o.whenFull };
}

export function needRate(kind: string, rate: number | null): string[] {
  return rate === null ? [`--arrival ${kind} needs --rate: queries per second, e.g. --rate 50`] : [];
}
