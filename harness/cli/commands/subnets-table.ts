// The strategist's table for a terminal (chain names escaped) and as CSV: one row per subnet with its verdict and why.
import type { StrategistRow, StrategistTable } from '../../evaluate/strategist-table.ts';
import type { EarningsPrices } from '../../evaluate/earnings-prices.ts';
import { maxOf } from '../../model/min-max.ts';
import { terminalText } from '../terminal-text.ts';

const NEEDS_LIVE = 'needs live chain';

const num = (x: number | null, digits = 2) =>
  x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number | null) => (x === null ? '?' : `${Math.round(x * 100)}%`);
const signedPct = (x: number) => {
  const r = Math.round(x * 100);
  return `${r > 0 ? '+' : ''}${r === 0 ? 0 : r}%`;
};
const onOff = (x: boolean | null) => (x === null ? '?' : x ? 'on' : 'off');

function trend(r: StrategistRow): string {
  if (!r.trend) return '-';
  return `${signedPct(r.trend.change)}/${Math.round(r.trend.days)}d${r.trend.against === 'moving' ? ' vs EMA' : ''}`;
}

function operators(r: StrategistRow): [string, string] {
  if (r.earningOperators === null) return [NEEDS_LIVE, NEEDS_LIVE];
  const spread = r.operatorTaoPerDay;
  return [
    `${r.earningOperators} ops/${r.earningUids} UIDs, ${pct(r.zeroShare)} on 0`,
    spread ? `${num(spread.p50)}/${num(spread.p90)}/${num(spread.max)}` : '-',
  ];
}

export function renderStrategistText(
  table: StrategistTable,
  opts: { prices: EarningsPrices; origin: string; age: string },
): string {
  const cur = opts.prices.taoPrice;
  const head = [
    'verdict',
    'netuid',
    'name',
    'miner pool TAO/d',
    ...(cur ? [`pool ${cur.currency}/d`] : []),
    'burned',
    'emission',
    'price TAO',
    'trend',
    'reg TAO',
    'miners',
    'earning operators',
    'per operator TAO/d p50/p90/max',
    'plugin',
    'eligible',
    'first reason',
  ];
  const body = table.rows.map((r) => {
    const [ops, spread] = operators(r);
    return [
      r.verdict,
      String(r.netuid),
      terminalText(r.name || '(unnamed)'),
      num(r.minerPoolTaoPerDay),
      ...(cur ? [num(r.minerPoolTaoPerDay === null ? null : r.minerPoolTaoPerDay * cur.value)] : []),
      pct(r.minerBurnedFraction),
      onOff(r.emissionEnabled),
      num(r.spotPrice, 5),
      trend(r),
      num(r.registrationCostTao, 4),
      r.miners === null ? '?' : String(r.miners),
      ops,
      spread,
      r.plugin ? r.plugin.ids.join(',') : 'no plugin',
      r.eligible === null ? '-' : r.eligible ? 'yes' : 'no',
      terminalText(r.reasons[0] ?? ''),
    ];
  });
  const rows = [head, ...body];
  const widths = head.map((_, c) => maxOf(rows.map((row) => row[c]!.length)));
  const text = rows.map((row) =>
    row
      .map((cell, c) =>
        c === row.length - 1 ? cell : c === 2 || c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
      )
      .join('  '),
  );
  const counts = (['MINE', 'WATCH', 'SKIP'] as const).map(
    (v) => `${table.rows.filter((r) => r.verdict === v).length} ${v}`,
  );
  const notes = [
    `${table.rows.length} subnets (${counts.join(', ')}) from ${terminalText(table.network)} ${opts.age} (${opts.origin})`,
    'miner pool = TAO per day paid to miners after MinerBurned and owner-owned UIDs, at the spot price; burned = MinerBurned; trend = spot now against the earliest recorded price',
    `"${NEEDS_LIVE}": the snapshot has no per-UID data; take one with minerbench chain snapshot --window 7d --out FILE and pass --chain FILE`,
    ...table.rules.map((r) => `rule: ${r}`),
    cur ? `TAO = ${cur.value} ${cur.currency} at ${cur.at}` : 'no --tao-price: amounts in TAO only',
    'every reason of every row: --json or --csv; a sortable page: --html FILE',
  ];
  return `${text.join('\n')}\n\n${notes.map((n) => `  ${n}`).join('\n')}\n`;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading = + - @ would be a formula in a spreadsheet: quote and prefix it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS: [string, (r: StrategistRow) => unknown][] = [
  ['verdict', (r) => r.verdict],
  ['netuid', (r) => r.netuid],
  ['name', (r) => r.name],
  ['miner_pool_tao_per_day', (r) => r.minerPoolTaoPerDay],
  ['miner_pool_alpha_per_day', (r) => r.minerPoolAlphaPerDay],
  ['miner_burned_fraction', (r) => r.minerBurnedFraction],
  ['emission_enabled', (r) => r.emissionEnabled],
  ['registration_allowed', (r) => r.registrationAllowed],
  ['tao_inflow_per_day', (r) => r.taoInflowPerDay],
  ['spot_price_tao', (r) => r.spotPrice],
  ['moving_price_tao', (r) => r.movingPrice],
  ['trend_change', (r) => r.trend?.change ?? null],
  ['trend_days', (r) => r.trend?.days ?? null],
  ['registration_cost_tao', (r) => r.registrationCostTao],
  ['miners', (r) => r.miners],
  ['validators', (r) => r.validators],
  ['uids', (r) => r.uids],
  ['mechanisms', (r) => r.mechanisms],
  ['earning_operators', (r) => r.earningOperators ?? NEEDS_LIVE],
  ['earning_uids', (r) => r.earningUids ?? NEEDS_LIVE],
  ['zero_share', (r) => r.zeroShare ?? (r.earningOperators === null ? NEEDS_LIVE : null)],
  ['operator_p50_tao_per_day', (r) => r.operatorTaoPerDay?.p50 ?? (r.earningOperators === null ? NEEDS_LIVE : null)],
  ['operator_p90_tao_per_day', (r) => r.operatorTaoPerDay?.p90 ?? (r.earningOperators === null ? NEEDS_LIVE : null)],
  ['operator_max_tao_per_day', (r) => r.operatorTaoPerDay?.max ?? (r.earningOperators === null ? NEEDS_LIVE : null)],
  ['days_covered', (r) => r.daysCovered ?? (r.earningOperators === null ? NEEDS_LIVE : null)],
  ['plugin', (r) => r.plugin?.ids.join(' ') ?? 'no plugin'],
  ['miner_kind', (r) => r.plugin?.shape ?? ''],
  ['law', (r) => r.plugin?.law ?? ''],
  ['eligible', (r) => r.eligible],
  ['reasons', (r) => r.reasons.join(' | ')],
];

export function strategistCsv(table: StrategistTable): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(',')];
  for (const r of table.rows) lines.push(CSV_COLUMNS.map(([, f]) => csvCell(f(r))).join(','));
  return `${lines.join('\n')}\n`;
}
