// run-earnings.js: the run report's "What this machine earns here" and "Eligibility" sections: net per day by the
// subnet's law with its range, costs, every input with its source and age, scenarios and every assumption.
'use strict';

function rangeText(x, digits, unit) {
  if (!x || x.value === null) return 'n/a';
  const main = fmt(x.value, digits, unit);
  return x.low !== null && x.high !== null && (x.low !== x.value || x.high !== x.value)
    ? `${main} (range ${fmt(x.low, digits)} to ${fmt(x.high, digits)})`
    : main;
}

function eligibilitySection(r) {
  const el = r.eligibility;
  if (!el)
    return section(
      'Eligibility',
      h('p', { class: 'muted', id: 'eligibility-none' }, 'This subnet declares no hardware gates.'),
    );
  const verdict = el.eligible === true ? 'eligible' : el.eligible === false ? 'NOT eligible' : 'eligibility unknown';
  return section(
    'Eligibility',
    h(
      'div',
      {
        class: `verdict verdict-${el.eligible === false ? 'invalid' : el.eligible === true ? 'valid' : 'unknown'}`,
        id: 'eligibility',
      },
      h('strong', null, verdict),
      el.reasons.length
        ? h(
            'ul',
            null,
            el.reasons.map((x) => h('li', null, x)),
          )
        : '',
    ),
    sortableTable(
      [
        { label: 'gate', value: (g) => g.label },
        { label: 'requires', value: (g) => g.required },
        { label: 'this machine', value: (g) => (g.measured === null ? 'unknown' : g.measured) },
        { label: 'pass', value: (g) => (g.pass === null ? 'unknown' : g.pass ? 'yes' : 'NO') },
        { label: 'blocking', value: (g) => (g.blocking ? 'yes' : 'warning only') },
        { label: 'source', value: (g) => g.source + (g.note ? ` (${g.note})` : '') },
      ],
      el.gates,
      { className: 'gates-table' },
    ),
  );
}

function earningsSection(r) {
  const x = r.earnings;
  if (!x) {
    const why = r.warnings.filter((w) => /^(earnings|no earnings)/.test(w));
    return section(
      'What this machine earns here',
      h(
        'p',
        { class: 'muted', id: 'earnings-missing' },
        `Not estimated${why.length ? `: ${why.join('; ')}` : ': this result has no earnings section (no chain snapshot was used).'}`,
      ),
    );
  }
  const cur = x.net.currency;
  const netMain = cur ? rangeText(x.net.fiatPerDay, 2, `${cur}/day`) : rangeText(x.net.taoPerDay, 4, 'TAO/day');
  const parts = [
    h(
      'p',
      { id: 'earnings-answer' },
      h('strong', null, `Net ${netMain}`),
      ` by the ${x.law} law (${x.lawTitle})`,
      x.eligible === false ? ' — but this machine is NOT eligible: ' + x.reasons.join('; ') : '',
    ),
    kv([
      ['share of the miner pool', rangeText(x.share, 6)],
      ['subnet miner pool', `${fmt(x.network.minerPool.alphaPerDay, 2, 'alpha/day')} (${x.network.minerPool.basis})`],
      ['burned by the law itself', fmt(x.lawBurnFraction * 100, 1, '%')],
      ['gross', `${rangeText(x.gross.alphaPerDay, 4, 'alpha')} = ${rangeText(x.gross.taoPerDay, 4, 'TAO')} per day`],
      [
        'power cost',
        `${fmt(x.power.meanW, 1, 'W')} x PUE ${x.power.pue} = ${fmt(x.power.kwhPerDay, 2, 'kWh/day')}, ${fmt(x.power.costPerDay, 2, x.power.currency || '')}/day`,
      ],
      [
        'registration burn',
        `${fmt(x.registration.burnTao, 4, 'TAO')} over ${x.registration.tenureDays} days = ${fmt(x.registration.taoPerDay, 5, 'TAO')}/day`,
      ],
      ['chain data', `${x.network.source}`],
      ['the range comes mostly from', x.dominantInputs.length ? x.dominantInputs.join(', ') : 'no unknown inputs'],
    ]),
  ];
  if (x.breakdown.length)
    parts.push(
      h('h3', null, `How the ${x.law} law prices this machine`),
      kv(
        x.breakdown.map((b) => [
          b.label,
          b.value === null
            ? 'n/a'
            : `${typeof b.value === 'number' ? fmt(b.value, 6) : b.value}${b.unit ? ` ${b.unit}` : ''}`,
        ]),
      ),
    );
  if (x.scenarios.length)
    parts.push(
      h('h3', null, 'Scenarios'),
      sortableTable(
        [
          { label: 'scenario', value: (s) => s.label },
          { label: 'share', numeric: true, value: (s) => s.share, format: (v) => fmt(v, 6) },
          { label: 'net TAO/day', numeric: true, value: (s) => s.netTaoPerDay, format: (v) => fmt(v, 4) },
          { label: `net ${cur || 'fiat'}/day`, numeric: true, value: (s) => s.netFiatPerDay, format: (v) => fmt(v, 2) },
        ],
        x.scenarios,
        { className: 'scenarios-table' },
      ),
    );
  parts.push(
    h('h3', null, 'Every input and where it came from'),
    sortableTable(
      [
        { label: 'input', value: (i) => i.label },
        { label: 'value', value: (i) => (i.value === null ? 'unknown' : `${i.value}${i.unit ? ` ${i.unit}` : ''}`) },
        { label: 'source', value: (i) => i.source },
        { label: 'from', value: (i) => i.from },
        {
          label: 'as of',
          value: (i) => (i.asOf ? `${i.asOf}${i.ageDays !== null ? ` (${fmt(i.ageDays, 0)} days old)` : ''}` : ''),
        },
        { label: 'plausible range', value: (i) => (i.range ? `${i.range[0]} to ${i.range[1]}` : '') },
        { label: 'supply with', value: (i) => i.supplyWith || '' },
      ],
      x.inputs,
      { className: 'inputs-table' },
    ),
  );
  if (x.missing.length)
    parts.push(
      h('h3', null, 'Missing inputs'),
      h(
        'ul',
        { class: 'missing' },
        x.missing.map((m) => h('li', null, m)),
      ),
    );
  if (x.warnings.length)
    parts.push(
      h(
        'ul',
        { class: 'warnings' },
        x.warnings.map((m) => h('li', null, m)),
      ),
    );
  parts.push(
    h('h3', null, 'Every assumption'),
    h(
      'ol',
      { class: 'assumptions', id: 'earnings-assumptions' },
      x.assumptions.map((a) => h('li', null, a)),
    ),
  );
  return section('What this machine earns here', ...parts);
}
