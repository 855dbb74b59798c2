// Law inputs: one builder per source (measured, chain, table, flag, file, rules, assumed), so every law states each
// input the same way: value, unit, where it came from, how old it is, its plausible range and how to supply it.
import type { LoadedTable } from '../../config/law-table-file.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';

type Value = LawInput['value'];

interface Base {
  name: string;
  label: string;
  value: Value;
  unit: string | null;
}

export function measuredInput(b: Base, from: string): LawInput {
  return { ...b, source: 'measured', from, asOf: null, ageDays: null, range: null, supplyWith: null };
}

export function chainInput(b: Base, from: string, asOf: string | null, ageDays: number | null): LawInput {
  return { ...b, source: 'chain', from, asOf, ageDays, range: null, supplyWith: null };
}

export function tableInput(b: Base, table: LoadedTable<unknown>, supplyWith = '--law-table FILE'): LawInput {
  return {
    ...b,
    source: 'table',
    from: `${table.path} (${table.source})`,
    asOf: table.readAt,
    ageDays: table.ageDays,
    range: null,
    supplyWith,
  };
}

export function flagInput(b: Base, flag: string): LawInput {
  return { ...b, source: 'flag', from: `--${flag}`, asOf: null, ageDays: null, range: null, supplyWith: `--${flag}` };
}

export function fileInput(b: Base, table: LoadedTable<unknown>, supplyWith: string): LawInput {
  return {
    ...b,
    source: 'file',
    from: `${table.path} (${table.source})`,
    asOf: table.readAt,
    ageDays: table.ageDays,
    range: null,
    supplyWith,
  };
}

/** A constant of the subnet's published rules, declared in the plugin's profile (cap, exponent, burn). */
export function rulesInput(b: Base, from: string): LawInput {
  return { ...b, source: 'rules', from, asOf: null, ageDays: null, range: null, supplyWith: null };
}

/** Not known: the estimate spans `range`; `supplyWith` names the flag or file that would replace the assumption. */
export function assumedInput(b: Base, range: [number, number], supplyWith: string, from: string): LawInput {
  return { ...b, source: 'assumed', from, asOf: null, ageDays: null, range, supplyWith };
}
