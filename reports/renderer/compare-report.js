// compare-report.js: renders the comparison (machines per subnet, subnets per machine) from the embedded JSON.
'use strict';

(function renderCompare() {
  const { data: c } = readData();
  const app = document.getElementById('app');
  const subnets = new Map(c.subnets.map((s) => [s.id, s]));
  const machines = new Map(c.machines.map((m) => [m.id, m]));
  const unit = (m) => (m.id === 'netPerDay' ? `${c.currency || ''}/day`.trim() : m.unit);

  const header = h(
    'header',
    null,
    h('h1', null, 'minerbench comparison'),
    h(
      'p',
      { class: 'sub' },
      `${c.runs} runs of ${c.subnets.length} subnet(s) on ${c.machines.length} machine(s), ${c.from || '?'} to ${c.to || '?'}`,
    ),
    h(
      'p',
      { class: 'legend' },
      h('span', { class: 'best' }, 'best'),
      h('span', null, '≈ within noise of the best'),
      h('span', { class: 'invalid' }, 'INVALID: shown, never best'),
      h('span', null, 'n/a: not measured'),
    ),
  );

  function metricColumns() {
    return c.metrics.map((m) => ({
      label: `${m.label}${unit(m) ? ` (${unit(m)})` : ''} ${m.better === 'higher' ? '↑' : '↓'}`,
      numeric: true,
      value: (row) => {
        const f = c.cells[row.cell].figures[m.id];
        return f ? f.value : null;
      },
      format: (v, row) => {
        if (v === null) return 'n/a';
        const f = c.cells[row.cell].figures[m.id];
        const mark = row.marks[m.id];
        const el = h(
          'span',
          { title: `95 % interval ${fmt(f.lo)} – ${fmt(f.hi)}${mark === 'noise' ? '; within noise of the best' : ''}` },
          mark === 'noise' ? '≈ ' : '',
          fmt(v),
        );
        return el;
      },
      cellClass: (row) => row.marks[m.id] || '',
    }));
  }

  function groupTable(g, rowLabel, rowTitle) {
    const columns = [
      { label: rowLabel, value: (row) => rowTitle(c.cells[row.cell]) },
      { label: 'runs', numeric: true, value: (row) => c.cells[row.cell].runs, format: (v) => String(v) },
      {
        label: 'verdict',
        value: (row) => c.cells[row.cell].verdict,
        cellClass: (row) => (c.cells[row.cell].verdict === 'INVALID' ? 'invalid' : ''),
      },
      ...metricColumns(),
    ];
    return h('div', { class: 'table-wrap' }, sortableTable(columns, g.rows, { className: 'compare-table' }));
  }

  const bySubnet = section(
    'Machines side by side, per subnet',
    c.bySubnet.map((g) => {
      const s = subnets.get(g.key);
      return h(
        'div',
        { class: 'group', 'data-subnet': g.key },
        h('h3', null, `${s.title} (${s.id}, netuid ${s.netuid})`),
        groupTable(g, 'machine', (cell) => machines.get(cell.machine).name),
      );
    }),
  );
  const byMachine = section(
    'Subnets side by side, per machine',
    c.byMachine.map((g) =>
      h(
        'div',
        { class: 'group', 'data-machine': g.key },
        h('h3', null, machines.get(g.key).name),
        groupTable(g, 'subnet', (cell) => `${subnets.get(cell.subnet).title} (${cell.subnet})`),
      ),
    ),
  );

  const notes = section(
    'How the figures and their noise are found',
    h(
      'p',
      { class: 'muted' },
      "Each cell is the mean of the runs of that subnet on that machine. A value is the best of its table; another value is marked ≈ when its 95 % interval overlaps the best one's: the difference may be noise.",
    ),
    kv(c.metrics.map((m) => [m.label, m.noise])),
  );

  app.replaceChildren(header, bySubnet, byMachine, notes);
})();
