// Law inputs: one builder per source (measured, chain, table, flag, file, rules, assumed), so every law states each
// input the same way: value, unit, where it came from, how old it is, its plausible range and how to supply it.
import type { LoadedTable } from '../../config/law-table-file.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import type { Uncertain } from './share-range.ts';

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

/**
 * An input a flag gives (`flag`: '--name N', as the input says to supply it), else the plugin's stated guess with its
 * range (uncertain: the share's range spans it); the function reads its value at a point of that range.
 */
export function fieldInput(
  o: {
    name: string;
    label: string;
    flag: string;
    unit: string | null;
    given: number | null;
    assumed: { value: number; range: [number, number] } | undefined;
    where: string;
  },
  inputs: LawInput[],
  uncertain: Uncertain[],
): (v: Readonly<Record<string, number>>) => number {
  if (o.given !== null) {
    inputs.push(
      flagInput({ name: o.name, label: o.label, value: o.given, unit: o.unit }, o.flag.split(' ')[0]!.slice(2)),
    );
    return () => o.given!;
  }
  const a = o.assumed ?? { value: 0, range: [0, 0] as [number, number] };
  uncertain.push({ name: o.name, value: a.value, range: a.range });
  inputs.push(
    assumedInput(
      { name: o.name, label: o.label, value: a.value, unit: o.unit },
      a.range,
      o.flag,
      `the plugin's guess; ${o.where}`,
    ),
  );
  return (v) => v[o.name]!;
}
