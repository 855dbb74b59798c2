// Price flags shared by subnets and estimate, generated from the one declaration (PRICE_OPTIONS, which run also takes),
// and the chain-source helpers re-exported.
import type { Argv } from 'yargs';
import { PRICE_OPTIONS, pricesOf } from '../../evaluate/earnings-options.ts';
import type { EarningsPrices } from '../../evaluate/earnings-prices.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';

export {
  loadSnapshotOrDefault,
  type SnapshotSourceOptions,
  type LoadedSnapshot,
} from '../../chain/load-snapshot-or-default.ts';
export { withChainOptions, chainSourceFromArgs, validateChainArgs, type ChainCliArgs } from '../chain-options.ts';

export interface PriceCliArgs {
  taoPrice?: number;
  currency?: string;
  taoPriceAt?: string;
  kwhPrice?: number;
}

export function withPriceOptions<T>(y: Argv<T>): Argv<T & PriceCliArgs> {
  return y.options(yargsOptions(PRICE_OPTIONS)) as unknown as Argv<T & PriceCliArgs>;
}

/** Validated prices from the flags (and MINERBENCH_TAO_PRICE & co.); a negative, NaN or undated price is USAGE (2). */
export function pricesFromArgs(a: PriceCliArgs, env: NodeJS.ProcessEnv = {}, now: Date = new Date()): EarningsPrices {
  const o = commandOptions('<command>', PRICE_OPTIONS, a as Record<string, unknown>, env, (v) =>
    v.taoPriceAt !== null && v.taoPriceAt !== undefined && v.taoPrice === null
      ? ['--tao-price-at dates a TAO price: give --tao-price too']
      : [],
  );
  return pricesOf(o, now);
}
