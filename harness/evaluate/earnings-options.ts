// EARNINGS_OPTIONS: what every estimate needs besides the law's own inputs (prices, site PUE, tenure), declared once.
import { z } from 'zod';
import { defineOption, type OptionsOf } from '../config/option-spec.ts';
import type { EarningsPrices } from './earnings-prices.ts';

export const DEFAULT_PUE = 1.0;
export const DEFAULT_TENURE_DAYS = 30;

const money = (what: string) =>
  z
    .number({ error: `must be a number (${what})` })
    .finite(`must be finite (${what})`)
    .min(0, `must be >= 0 (${what})`);

/** The prices (TAO and electricity, their currency and date): also taken by `subnets` and `estimate`. */
export const PRICE_OPTIONS = [
  defineOption({
    key: 'taoPrice',
    flag: 'tao-price',
    env: 'MINERBENCH_TAO_PRICE',
    type: 'number',
    schema: money('price of 1 TAO').nullable(),
    default: null,
    describe: 'price of 1 TAO in --currency (without it: amounts in TAO only)',
    owner: 'earnings',
  }),
  defineOption({
    key: 'currency',
    flag: 'currency',
    env: 'MINERBENCH_CURRENCY',
    type: 'string',
    schema: z.string().regex(/^[A-Za-z]{2,10}$/, 'must be a currency code such as USD or EUR'),
    default: 'USD',
    describe: 'currency of --tao-price and --kwh-price',
    owner: 'earnings',
  }),
  defineOption({
    key: 'taoPriceAt',
    flag: 'tao-price-at',
    type: 'string',
    schema: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date (ISO, e.g. 2026-11-25)')
      .nullable(),
    default: null,
    defaultText: 'now',
    describe: 'when the TAO price was taken (ISO date)',
    owner: 'earnings',
  }),
  defineOption({
    key: 'kwhPrice',
    flag: 'kwh-price',
    env: 'MINERBENCH_KWH_PRICE',
    type: 'number',
    schema: money('electricity price per kWh').nullable(),
    default: null,
    describe: 'electricity price per kWh in --currency',
    owner: 'earnings',
  }),
] as const;

export const EARNINGS_OPTIONS = [
  ...PRICE_OPTIONS,
  defineOption({
    key: 'pue',
    flag: 'pue',
    env: 'MINERBENCH_PUE',
    type: 'number',
    schema: z
      .number()
      .finite()
      .min(1, 'must be >= 1 (power usage effectiveness of the site)')
      .max(5, 'must be at most 5'),
    default: DEFAULT_PUE,
    describe: 'power usage effectiveness of the site',
    owner: 'earnings',
  }),
  defineOption({
    key: 'tenureDays',
    flag: 'tenure-days',
    type: 'number',
    schema: z.number().finite().positive('must be > 0 days').max(36_500),
    default: DEFAULT_TENURE_DAYS,
    describe: 'expected days a UID is kept, to spread the registration burn over',
    owner: 'earnings',
  }),
] as const;

export type EarningsOptionValues = OptionsOf<typeof EARNINGS_OPTIONS>;
export type PriceOptionValues = OptionsOf<typeof PRICE_OPTIONS>;

/** The prices an estimate uses, from the resolved options. */
export function pricesOf(o: PriceOptionValues, now: Date = new Date()): EarningsPrices {
  return {
    taoPrice:
      o.taoPrice === null ? null : { value: o.taoPrice, currency: o.currency, at: o.taoPriceAt ?? now.toISOString() },
    kwhPrice: o.kwhPrice === null ? null : { value: o.kwhPrice, currency: o.currency },
  };
}
