// subnets-report.js: renders the strategist's table (one row per subnet, verdict and reasons) from the embedded JSON.
'use strict';

(function renderSubnets() {
  const { data: t } = readData();
  const app = document.getElementById('app');
  const NEEDS_LIVE = 'needs live chain';
  const RANK = { MINE: 0, WATCH: 1, SKIP: 2 };
  const cur = t.meta.taoPrice;
  const counts = ['MINE', 'WATCH', 'SKIP'].map((v) => `${t.rows.filter((r) => r.verdict === v).length} ${v}`);

  const pct = (v) => (v === null || v === undefined ? 'n/a' : `${fmt(v * 100, 1)} %`);
  const yesNo = (v) => (v === null || v === undefined ? 'unknown' : v ? 'yes' : 'no');
  const bool = (v) => (v === null || v === undefined ? null : v ? 1 : 0);
  /** Each cell carries its sort value in data-v, so what is shown and what sorts can be checked apart. */
  const cell = (v, text) => h('span', { 'data-v': v === null || v === undefined ? '' : String(v) }, text);
  const live = (r, v, f) => (r.earningOperators === null ? NEEDS_LIVE : v === null || v === undefined ? 'n/a' : f(v));

  const columns = [
    {
      label: 'verdict',
      value: (r) => RANK[r.verdict],
      format: (v, r) => cell(v, r.verdict),
      // The shared stylesheet's classes: MINE as the best, SKIP as invalid.
      cellClass: (r) => (r.verdict === 'MINE' ? 'best' : r.verdict === 'SKIP' ? 'invalid' : ''),
    },
    { label: 'netuid', numeric: true, value: (r) => r.netuid, format: (v) => cell(v, String(v)) },
    { label: 'name', value: (r) => r.name || null, format: (v) => cell(v, v || '(unnamed)') },
    {
      label: 'miner pool TAO/day',
      numeric: true,
      value: (r) => r.minerPoolTaoPerDay,
      format: (v) => cell(v, fmt(v, 2)),
    },
    ...(cur
      ? [
          {
            label: `miner pool ${cur.currency}/day`,
            numeric: true,
            value: (r) => (r.minerPoolTaoPerDay === null ? null : r.minerPoolTaoPerDay * cur.value),
            format: (v) => cell(v, fmt(v, 0)),
          },
        ]
      : []),
    {
      label: 'miner pool alpha/day',
      numeric: true,
      value: (r) => r.minerPoolAlphaPerDay,
      format: (v) => cell(v, fmt(v, 1)),
    },
    { label: 'MinerBurned', numeric: true, value: (r) => r.minerBurnedFraction, format: (v) => cell(v, pct(v)) },
    {
      label: 'emission',
      value: (r) => bool(r.emissionEnabled),
      format: (v) => cell(v, v === null ? 'unknown' : v ? 'on' : 'off'),
    },
    { label: 'registration open', value: (r) => bool(r.registrationAllowed), format: (v) => cell(v, yesNo(v)) },
    { label: 'TAO in/day', numeric: true, value: (r) => r.taoInflowPerDay, format: (v) => cell(v, fmt(v, 2)) },
    { label: 'spot TAO/alpha', numeric: true, value: (r) => r.spotPrice, format: (v) => cell(v, fmt(v, 6)) },
    { label: 'moving TAO/alpha', numeric: true, value: (r) => r.movingPrice, format: (v) => cell(v, fmt(v, 6)) },
    { label: 'spot vs EMA', numeric: true, value: (r) => r.spotVsMoving, format: (v) => cell(v, pct(v)) },
    {
      label: 'trend',
      numeric: true,
      value: (r) => (r.trend ? r.trend.change : null),
      format: (v, r) =>
        cell(
          v,
          r.trend
            ? `${pct(v)} over ${fmt(r.trend.days, 0)} d${r.trend.against === 'moving' ? ' (vs EMA)' : ''}`
            : 'n/a',
        ),
    },
    {
      label: 'registration TAO',
      numeric: true,
      value: (r) => r.registrationCostTao,
      format: (v) => cell(v, fmt(v, 4)),
    },
    { label: 'miners', numeric: true, value: (r) => r.miners, format: (v) => cell(v, v === null ? 'n/a' : String(v)) },
    {
      label: 'validators',
      numeric: true,
      value: (r) => r.validators,
      format: (v) => cell(v, v === null ? 'n/a' : String(v)),
    },
    { label: 'UIDs', numeric: true, value: (r) => r.uids, format: (v, r) => cell(v, `${v}/${r.maxUids ?? '?'}`) },
    { label: 'mechanisms', numeric: true, value: (r) => r.mechanisms, format: (v) => cell(v, String(v)) },
    {
      label: 'earning operators',
      numeric: true,
      value: (r) => r.earningOperators,
      format: (v, r) => cell(v, live(r, v, String)),
    },
    {
      label: 'earning UIDs',
      numeric: true,
      value: (r) => r.earningUids,
      format: (v, r) => cell(v, live(r, v, String)),
    },
    { label: 'UIDs on zero', numeric: true, value: (r) => r.zeroShare, format: (v, r) => cell(v, live(r, v, pct)) },
    ...['p50', 'p90', 'max'].map((k) => ({
      label: `per operator ${k} TAO/day`,
      numeric: true,
      value: (r) => (r.operatorTaoPerDay ? r.operatorTaoPerDay[k] : null),
      format: (v, r) =>
        cell(
          v,
          live(r, v, (x) => fmt(x, 3)),
        ),
    })),
    {
      label: 'days covered',
      numeric: true,
      value: (r) => r.daysCovered,
      format: (v, r) =>
        cell(
          v,
          live(r, v, (x) => fmt(x, 1)),
        ),
    },
    {
      label: 'plugin',
      value: (r) => (r.plugin ? r.plugin.ids.join(', ') : null),
      format: (v) => cell(v, v || 'no plugin'),
    },
    { label: 'kind of miner', value: (r) => (r.plugin ? r.plugin.shape : null), format: (v) => cell(v, v || '') },
    { label: 'law', value: (r) => (r.plugin ? r.plugin.law : null), format: (v) => cell(v, v || '') },
    {
      label: 'eligible',
      value: (r) => bool(r.eligible),
      format: (v) => cell(v, v === null ? 'not measured' : yesNo(v)),
    },
    {
      label: 'why (first reason; all below)',
      value: (r) => r.reasons.join(' | '),
      format: (v, r) => {
        const first = r.reasons[0] || '';
        return h('span', { 'data-v': v, title: v }, first.length > 48 ? `${first.slice(0, 47)}…` : first);
      },
    },
  ];

  const header = h(
    'header',
    null,
    h('h1', null, 'Which subnets are worth our GPUs'),
    h(
      'p',
      { class: 'sub', id: 'subnets-source' },
      `${t.rows.length} subnets (${counts.join(', ')}) from ${t.network} ${t.meta.age} (${t.meta.origin})`,
    ),
    h(
      'p',
      { class: 'legend' },
      cur ? `TAO = ${cur.value} ${cur.currency} at ${cur.at}` : 'Amounts in TAO (no TAO price given).',
    ),
  );
  const rules = section(
    'Verdict rules',
    h(
      'ul',
      { id: 'verdict-rules' },
      t.rules.map((r) => h('li', null, r)),
    ),
    h(
      'p',
      { class: 'muted' },
      `Miner pool: TAO per day paid to miners after MinerBurned and owner-owned UIDs, at the spot price. "${NEEDS_LIVE}": the snapshot has no per-UID data (minerbench chain snapshot --window 7d).`,
    ),
  );
  const table = section(
    'Subnets (click a column to sort)',
    h('div', { class: 'table-wrap' }, sortableTable(columns, t.rows, { className: 'subnets-table' })),
  );
  const reasons = section(
    'Every reason, per subnet',
    h(
      'dl',
      { class: 'kv', id: 'subnet-reasons' },
      t.rows.map((r) => [
        h('dt', null, `${r.verdict} · SN${r.netuid} ${r.name || '(unnamed)'}`),
        h(
          'dd',
          null,
          h(
            'ul',
            null,
            r.reasons.map((x) => h('li', null, x)),
          ),
        ),
      ]),
    ),
  );
  const warnings = t.meta.warnings.length
    ? section(
        'Warnings',
        h(
          'ul',
          { id: 'subnets-warnings' },
          t.meta.warnings.map((w) => h('li', null, w)),
        ),
      )
    : null;
  app.replaceChildren(...[header, rules, table, reasons, warnings].filter(Boolean));
})();
