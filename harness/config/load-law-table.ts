// loadLawTableFor: reads the table a law prices with (--law-table, the law's own file option, or the plugin's), or
// none; the I/O half of an estimate's law context (the law itself stays pure).
import type { z } from 'zod';
import { readLawTable, type LoadedTable } from './law-table-file.ts';
import { lawTablePath, type LawTableChoice } from './law-table-option.ts';
import type { OptionSpec } from './option-spec.ts';

/** The parts of an IncentiveLaw the loader needs (structural, so config does not import evaluate). */
export interface TableLaw {
  tableSchema: z.ZodType<unknown> | null;
  options: readonly OptionSpec[];
  tableOption?: { key: string; isFile(value: unknown): boolean };
}

export function loadLawTableFor(o: {
  law: TableLaw;
  /** The law block of the profile (its `table` key, when it has one). */
  config: unknown;
  pluginDir: string;
  /** --law-table, resolved. */
  lawTableFlag: string | null;
  /** The law's own resolved options (its file option is read from here). */
  lawFlags: Readonly<Record<string, unknown>>;
  cwd: string;
  now: Date;
}): { table: LoadedTable<unknown> | null; choice: LawTableChoice | null } {
  if (!o.law.tableSchema) return { table: null, choice: null };
  const opt = o.law.tableOption;
  const value = opt ? o.lawFlags[opt.key] : undefined;
  const flag = opt ? o.law.options.find((s) => s.key === opt.key)?.flag : undefined;
  const choice = lawTablePath({
    pluginDir: o.pluginDir,
    profileTable: (o.config as { table?: string } | null)?.table ?? null,
    lawTableFlag: o.lawTableFlag,
    lawFileOption: opt && flag && opt.isFile(value) ? { value: String(value), flag } : null,
    cwd: o.cwd,
  });
  return { table: choice ? readLawTable(choice.file, o.law.tableSchema, o.now) : null, choice };
}
