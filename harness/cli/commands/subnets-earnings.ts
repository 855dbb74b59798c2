// Earnings CLI options shared by subnets, estimate and run: the price flags, and the chain-source helpers re-exported.
import type { Argv } from 'yargs';
import { validatePrices, type EarningsPrices } from '../../evaluate/earnings-prices.ts';

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
  return y
    .option('tao-price', { type: 'number', describe: 'price of 1 TAO in --currency (without it: amounts in TAO only)' })
    .option('currency', { type: 'string', default: 'USD', describe: 'currency of --tao-price and --kwh-price' })
    .option('tao-price-at', { type: 'string', describe: 'when the TAO price was taken (ISO date) [default: now]' })
    .option('kwh-price', { type: 'number', describe: 'electricity price per kWh in --currency' }) as Argv<
    T & PriceCliArgs
  >;
}

/** Validated prices from the flags; throws PRICE_INVALID for negative or non-numeric ones. */
export function pricesFromArgs(a: PriceCliArgs, now: Date = new Date()): EarningsPrices {
  const currency = a.currency ?? 'USD';
  return validatePrices({
    taoPrice: a.taoPrice === undefined ? null : { value: a.taoPrice, currency, at: a.taoPriceAt ?? now.toISOString() },
    kwhPrice: a.kwhPrice === undefined ? null : { value: a.kwhPrice, currency },
  });
}
