// run-earnings.js: the run report's earnings section: net per day at several ranks, costs, capacity, every assumption.
'use strict';

function earningsSection(r) {
  const x = r.earnings;
  if (!x)
    return section(
      'Earnings',
      h(
        'p',
        { class: 'muted', id: 'earnings-missing' },
        'Not estimated: this result has no earnings section (no chain snapshot or prices were given).',
      ),
    );
  if (!Array.isArray(x.atRanks)) return section('Earnings', genericTree(x));
  const cur = (x.power && x.power.currency) || '';
  const s = x.subnet || {};
  const parts = [
    h(
      'p',
      null,
      `${s.name || ''} (netuid ${s.netuid}): ${s.payingMiners} paying miners at block ${s.inputs ? s.inputs.block : '?'}. ${x.breakEvenNote}.`,
    ),
    x.atRanks.length
      ? sortableTable(
          [
            { label: 'rank point', value: (a) => a.label },
            { label: 'rank', numeric: true, value: (a) => a.rank, format: (v) => String(v) },
            { label: 'gross TAO/day', numeric: true, value: (a) => a.grossTaoPerDay, format: (v) => fmt(v, 4) },
            { label: `gross ${cur}/day`, numeric: true, value: (a) => a.grossFiatPerDay, format: (v) => fmt(v, 2) },
            { label: `net ${cur}/day`, numeric: true, value: (a) => a.netFiatPerDay, format: (v) => fmt(v, 2) },
            { label: 'net TAO/day', numeric: true, value: (a) => a.netTaoPerDay, format: (v) => fmt(v, 4) },
          ],
          x.atRanks,
          { className: 'earnings-table' },
        )
      : h('p', { class: 'muted' }, 'No miner of this subnet is paid: no rank to estimate at.'),
    kv([
      [
        'power cost',
        x.power
          ? `${fmt(x.power.avgPowerW, 1, 'W')} x PUE ${x.power.pue} = ${fmt(x.power.kwhPerDay, 2, 'kWh/day')}, ${fmt(x.power.costPerDay, 2, cur)}/day`
          : 'n/a',
      ],
      [
        'registration burn',
        x.burnAmortised
          ? `${fmt(x.burnAmortised.burnTao, 4, 'TAO')} over ${x.burnAmortised.tenureDays} days = ${fmt(x.burnAmortised.taoPerDay, 5, 'TAO')}/day`
          : 'n/a',
      ],
      [
        'capacity',
        x.capacity
          ? `${x.capacity.ok === null ? 'unknown' : x.capacity.ok ? 'enough' : 'NOT enough'}: ${x.capacity.note}`
          : 'n/a',
      ],
      ['rank placement', x.placement ? `${x.placement.rule}: ${x.placement.statement}` : 'n/a'],
    ]),
  ];
  if (x.missing && x.missing.length)
    parts.push(
      h('h3', null, 'Missing inputs'),
      h(
        'ul',
        { class: 'missing' },
        x.missing.map((m) => h('li', null, m)),
      ),
    );
  parts.push(
    h('h3', null, 'Every assumption'),
    h(
      'ol',
      { class: 'assumptions', id: 'earnings-assumptions' },
      (x.assumptions || []).map((a) => h('li', null, a)),
    ),
  );
  return section('Earnings', ...parts);
}

/** Any object as nested definition lists: for result sections of a shape this renderer does not know. */
function genericTree(v) {
  if (v === null || typeof v !== 'object') return fmt(v);
  if (Array.isArray(v))
    return v.length && typeof v[0] !== 'object'
      ? v.map((x) => fmt(x)).join(', ')
      : h(
          'ol',
          null,
          v.map((x) => h('li', null, genericTree(x))),
        );
  return kv(Object.entries(v).map(([k, x]) => [k, genericTree(x)]));
}
