// trend-report.js: renders each subnet x machine over nights, with regressions where 95 % intervals do not overlap.
'use strict';

(function renderTrend() {
  const { data: t } = readData();
  const app = document.getElementById('app');
  const defs = new Map(t.metrics.map((m) => [m.id, m]));
  const CHART = ['p99Ms', 'capacityQps', 'qualityPerJoule', 'quality', 'meanW', 'netPerDay'];
  const CHANGE = { first: '', noise: ' ≈', regression: ' ▼', improvement: ' ▲' };
  const TABLE = ['p50Ms', 'p99Ms', 'capacityQps', 'errorRate', 'quality', 'meanW', 'qualityPerJoule', 'netPerDay'];
  const total = t.series.reduce((a, s) => a + s.regressions, 0);

  const header = h(
    'header',
    null,
    h('h1', null, 'minerbench trend'),
    h('p', { class: 'sub' }, `${t.series.length} subnet x machine pair(s); ${total} regression(s). ${t.nightRule}.`),
    h(
      'p',
      { class: 'legend' },
      h('span', { class: 'regression' }, 'regression: worse, and the 95 % intervals of the two nights do not overlap'),
      h('span', null, '▼ regression  ▲ improvement  ≈ within noise of the night before (not a regression)'),
    ),
  );

  const sections = t.series.map((s) => {
    const ids = TABLE.filter((id) => s.metrics[id]);
    const rows = s.nights.map((night) => ({
      night,
      by: Object.fromEntries(ids.map((id) => [id, s.metrics[id].find((p) => p.night === night) || null])),
    }));
    const columns = [
      { label: 'night', value: (r) => r.night },
      {
        label: 'runs',
        numeric: true,
        value: (r) => maxOf(ids.map((id) => (r.by[id] ? r.by[id].runs : 0))),
        format: (v) => String(v),
      },
      ...ids.map((id) => {
        const m = defs.get(id);
        return {
          label: `${m.label}${m.unit ? ` (${m.unit})` : ''}`,
          numeric: true,
          value: (r) => (r.by[id] ? r.by[id].value : null),
          format: (v, r) =>
            v === null
              ? 'n/a'
              : h(
                  'span',
                  {
                    title: `95 % interval ${fmt(r.by[id].lo)} – ${fmt(r.by[id].hi)}; ${r.by[id].change === 'first' ? 'first night' : r.by[id].change === 'noise' ? 'within noise of the night before' : `${r.by[id].change} against the night before`}`,
                  },
                  fmt(v),
                  CHANGE[r.by[id].change],
                ),
          cellClass: (r) => (r.by[id] ? r.by[id].change : ''),
        };
      }),
    ];
    const charts = CHART.filter((id) => s.metrics[id]).map((id) => {
      const m = defs.get(id);
      return h(
        'figure',
        null,
        intervalChart(
          s.metrics[id].map((p) => ({
            x: p.night,
            value: p.value,
            lo: p.lo,
            hi: p.hi,
            cls: p.change === 'regression' || p.change === 'improvement' ? p.change : '',
          })),
          { yLabel: `${m.label}${m.unit ? ` (${m.unit})` : ''}` },
        ),
        h('figcaption', null, `${m.label} by night, with 95 % intervals; ${m.better} is better`),
      );
    });
    return section(
      `${s.subnet.title} (${s.subnet.id}) on ${s.machine.name}`,
      h(
        'p',
        { class: s.regressions ? 'invalid' : 'muted' },
        `${s.nights.length} night(s), ${s.regressions} regression(s)`,
      ),
      h('div', { class: 'table-wrap' }, sortableTable(columns, rows, { className: 'trend-table' })),
      h('div', { class: 'charts' }, charts),
    );
  });
  app.replaceChildren(header, ...sections);
})();
