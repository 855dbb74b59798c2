// arrivalRegistry: arrival model kinds by name; --arrival picks one, an unknown kind lists the known ones.
import { MinerbenchError } from '../errors.ts';
import type { ArrivalDriver } from './arrival-driver.ts';
import { builtinArrivals } from './builtin-arrivals.ts';

const drivers = new Map<string, ArrivalDriver>();

export function registerArrival(driver: ArrivalDriver): void {
  drivers.set(driver.kind, driver);
}

export function knownArrivals(): string[] {
  return [...drivers.keys()].sort();
}

export function arrivalDriver(kind: string): ArrivalDriver {
  const d = drivers.get(kind);
  if (!d) {
    throw new MinerbenchError('USAGE', `--arrival ${kind}: unknown arrival model`, {
      hint: `use one of: ${knownArrivals().join(', ')}`,
    });
  }
  return d;
}

for (const d of builtinArrivals) registerArrival(d);
