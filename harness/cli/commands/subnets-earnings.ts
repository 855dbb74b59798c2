// Subnet earnings table: renders every subnet ranked by what a new miner could earn per day (for `minerbench subnets`).
import type { Argv } from 'yargs';
import type { ChainSnapshot } from '../../model/chain-snapshot-schema.ts';
import { describeSnapshotAge } from '../../chain/default-snapshot.ts';
import { RANKING_RULE, rankSubnets } from '../../evaluate/earnings-ranking.ts';
import { validatePrices, type EarningsPrices } from '../../evaluate/earnings-prices.ts';
import { maxOf } from '../../model/min-max.ts';

export {
  loadSnapshotOrDefault,
  type SnapshotSourceOptions,
  type LoadedSnapshot,
} from '../../chain/load-snapshot-or-default.ts';
export { withChainOptions, chainSourceFromArgs, type ChainCliArgs } from '../chain-options.ts';

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

export interface SubnetRankingOptions {
  prices: EarningsPrices;
  now?: Date;
}

const fmt = (x: number | null, digits = 2) =>
  x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(0)}%`);

/** The table a strategist reads first: one row per subnet, best first, with the block and date it is from. */
export function renderSubnetRanking(snapshot: ChainSnapshot, opts: SubnetRankingOptions): string {
  const rows = rankSubnets(snapshot, opts.prices);
  const cur = opts.prices.taoPrice?.currency;
  const head = [
    '#',
    'netuid',
    'name',
    'alpha TAO',
    'miner pool TAO/d',
    'paying',
    'median miner TAO/d',
    'top miner TAO/d',
    'top share',
    'HHI',
    'burned TAO/d',
    'reg burn TAO',
    'immunity h',
  ];
  if (cur) head.splice(5, 0, `pool ${cur}/d`);
  const body = rows.map((r, i) => {
    const e = r.earnings;
    const top = e.distribution[0]?.taoPerDay ?? (e.payingMiners === 0 ? 0 : null);
    const cells = [
      String(i + 1),
      String(e.netuid),
      e.name || '(unnamed)',
      fmt(e.inputs.alphaPrice.taoPerAlpha, 5),
      fmt(e.minerPool.taoPerDay),
      String(e.payingMiners),
      fmt(r.medianMinerTaoPerDay),
      fmt(top),
      pct(e.topShare),
      e.concentration === null ? '-' : e.concentration.toFixed(3),
      fmt(e.burned.taoPerDay),
      fmt(e.registration.burnTao, 4),
      fmt(e.registration.immunityPeriodBlocks / 300, 1),
    ];
    if (cur) cells.splice(5, 0, fmt(e.minerPool.fiatPerDay));
    return cells;
  });
  const table = [head, ...body];
  const widths = head.map((_, c) => maxOf(table.map((row) => row[c]!.length)));
  const lines = table.map((row) =>
    row.map((cell, c) => (c === 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
  const notes = [
    `chain: ${snapshot.chain.name} spec ${snapshot.chain.specVersion}, ${describeSnapshotAge(snapshot, opts.now)} (from ${snapshot.source.network})`,
    RANKING_RULE,
    "miner pool excludes incentive to UIDs owned by the subnet owner (burned); amounts are the last epoch's realised emission x epochs/day",
    opts.prices.taoPrice
      ? `TAO = ${opts.prices.taoPrice.value} ${cur} at ${opts.prices.taoPrice.at}`
      : 'no --tao-price: amounts in TAO only',
  ];
  return `${lines.join('\n')}\n\n${notes.map((n) => `  ${n}`).join('\n')}\n`;
}
