// Earnings prices: the TAO fiat price and the electricity price an estimate uses, validated (never guessed).
import { MinerbenchError } from '../errors.ts';

export interface TaoPrice {
  /** Price of 1 TAO in `currency`. */
  value: number;
  currency: string;
  /** When the price was taken (ISO), so a reader knows how stale it is. */
  at: string;
}

export interface KwhPrice {
  /** Price of 1 kWh in `currency`. */
  value: number;
  currency: string;
}

export interface EarningsPrices {
  taoPrice: TaoPrice | null;
  kwhPrice: KwhPrice | null;
}

function checkNumber(name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) {
    throw new MinerbenchError('PRICE_INVALID', `${name} must be a number >= 0, got ${String(v)}`, {
      hint: `pass --${name} with a non-negative number, or leave it out to get results without it`,
    });
  }
}

/** Throws PRICE_INVALID for a negative, NaN or infinite price, or an empty currency. */
export function validatePrices(p: EarningsPrices): EarningsPrices {
  if (p.taoPrice) {
    checkNumber('tao-price', p.taoPrice.value);
    if (!p.taoPrice.currency) throw new MinerbenchError('PRICE_INVALID', '--tao-price needs a currency (--currency)');
    if (Number.isNaN(Date.parse(p.taoPrice.at))) {
      throw new MinerbenchError('PRICE_INVALID', `--tao-price-at must be a date, got '${p.taoPrice.at}'`);
    }
  }
  if (p.kwhPrice) {
    checkNumber('kwh-price', p.kwhPrice.value);
    if (!p.kwhPrice.currency) throw new MinerbenchError('PRICE_INVALID', '--kwh-price needs a currency (--currency)');
  }
  if (p.taoPrice && p.kwhPrice && p.taoPrice.currency !== p.kwhPrice.currency) {
    throw new MinerbenchError(
      'PRICE_INVALID',
      `the TAO price is in ${p.taoPrice.currency} but the kWh price is in ${p.kwhPrice.currency}`,
      {
        hint: 'give both prices in one currency',
      },
    );
  }
  return p;
}
