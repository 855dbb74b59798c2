// ARRIVAL_KINDS: the arrival models minerbench ships, by name; --arrival picks one, an unknown kind lists the known.
import type { OptionSpec } from '../config/option-spec.ts';
import { MinerbenchError } from '../errors.ts';
import type { ArrivalKind } from './arrival-kind.ts';
import { closedArrival } from './arrivals/closed-arrival.ts';
import { constantArrival } from './arrivals/constant-arrival.ts';
import { poissonArrival } from './arrivals/poisson-arrival.ts';
import { sweepArrival } from './arrivals/sweep-arrival.ts';
import { traceArrival } from './arrivals/trace-arrival.ts';

/** A new arrival model is one file and one line here. */
export const ARRIVAL_KINDS: readonly ArrivalKind[] = [
  closedArrival,
  constantArrival,
  poissonArrival,
  traceArrival,
  sweepArrival,
];

export function knownArrivals(): string[] {
  return ARRIVAL_KINDS.map((k) => k.kind).sort();
}

export function arrivalKind(kind: string): ArrivalKind {
  const k = ARRIVAL_KINDS.find((x) => x.kind === kind);
  if (!k)
    throw new MinerbenchError('USAGE', `--arrival ${kind}: unknown arrival model`, {
      hint: `use one of: ${knownArrivals().join(', ')}`,
    });
  return k;
}

/** Every arrival kind's options, each once (shared specs such as --rate are the same object). */
export function arrivalOptionSpecs(): OptionSpec[] {
  return [...new Set(ARRIVAL_KINDS.flatMap((k) => [...k.options]))];
}
