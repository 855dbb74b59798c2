// IncentiveLaw: one way a subnet turns measured performance into a share of its miner pool (pure, one file per law).
import type { z } from 'zod';
import type { LoadedTable } from '../../config/law-table-file.ts';
import type { OptionSpec } from '../../config/option-spec.ts';
import type { MachineMeasure } from '../../model/machine-measure.ts';
import type { Earnings } from '../../model/result/earnings-section.ts';
import type { SubnetEconomics } from '../../model/subnet-economics.ts';
import type { EarningsPrices } from '../earnings-prices.ts';

export type { LoadedTable };

export interface LawContext<C, F, T> {
  machine: MachineMeasure;
  network: SubnetEconomics;
  /** The law block of the plugin's profile (the subnet's published constants), validated by `configSchema`. */
  config: C;
  /** The law's own flags (network inputs a user supplies), resolved from `options`. */
  flags: F;
  /** The plugin's data table, when the law takes one. */
  table: LoadedTable<T> | null;
  prices: EarningsPrices;
  /** Site power usage effectiveness (>= 1) and the expected tenure a registration burn is spread over. */
  pue: number;
  tenureDays: number;
  /** The moment of the estimate (table and snapshot ages are counted to it). */
  now: Date;
}

export interface IncentiveLaw<C = unknown, F = unknown, T = unknown> {
  /** e.g. 'hardware-rate'. */
  kind: string;
  title: string;
  /** One line: where a machine's share comes from (shown by `minerbench subnets`). */
  summary: string;
  /** The law block a plugin declares in its profile (`law: { kind, ... }`), strict. */
  configSchema: z.ZodType<C>;
  /** The plugin's data table (rates, multipliers, auctions), when the law takes one. */
  tableSchema: z.ZodType<T> | null;
  /** Flags that supply the network inputs this law needs, declared once. */
  options: readonly OptionSpec[];
  /**
   * The key of one of `options` whose value, when it names a file, is read as the law's table instead of the plugin's
   * (auction: --auction FILE; quality-share: --field-quality FILE). --law-table still wins over both.
   */
  tableOption?: { key: string; isFile(value: unknown): boolean };
  /**
   * A law that splits the miners into pools (rank-shares): the pool names, and the one a machine is priced in by these
   * flags. Eligibility gates may apply to one pool only (Vidaio's NVENC for compression).
   */
  pools?: { names(config: C): string[]; inForce(config: C, flags: F): string };
  /** Pure: eligibility, share, per-day money and every input with its source. Never throws for missing inputs. */
  estimate(ctx: LawContext<C, F, T>): Earnings;
}
