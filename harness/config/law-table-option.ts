// --law-table FILE (declared once) and lawTablePath: which table file an estimate reads (flag, law option, plugin).
import path from 'node:path';
import { z } from 'zod';
import { defineOption } from './option-spec.ts';

export const lawTableOption = defineOption({
  key: 'lawTable',
  flag: 'law-table',
  env: 'MINERBENCH_LAW_TABLE',
  type: 'string',
  schema: z.string().min(1, 'a path to a JSON table file').nullable(),
  default: null,
  describe:
    "a newer copy of the plugin's law table (rates, multipliers, auctions) to price with, instead of the one shipped in subnets/<id>/tables/",
  owner: 'law',
  defaultText: "the table named in the plugin's profile",
});

export interface LawTableChoice {
  /** Absolute path of the table file to read. */
  file: string;
  /** Why this file: 'flag --law-table', 'flag --auction', "plugin profile (law.table)". */
  origin: string;
}

/**
 * The table to read, first found: --law-table, then the law's own file option (e.g. --auction FILE), then the table
 * the profile's law block names (relative to the plugin folder). null when the law takes none.
 */
export function lawTablePath(o: {
  pluginDir: string;
  /** `law.table` from the profile, relative to the plugin folder. */
  profileTable: string | null | undefined;
  lawTableFlag: string | null;
  /** The law's own file option, when set to a file: its value and flag name. */
  lawFileOption?: { value: string; flag: string } | null;
  cwd: string;
}): LawTableChoice | null {
  if (o.lawTableFlag) return { file: path.resolve(o.cwd, o.lawTableFlag), origin: 'flag --law-table' };
  if (o.lawFileOption)
    return { file: path.resolve(o.cwd, o.lawFileOption.value), origin: `flag --${o.lawFileOption.flag}` };
  if (o.profileTable) return { file: path.resolve(o.pluginDir, o.profileTable), origin: 'plugin profile (law.table)' };
  return null;
}
