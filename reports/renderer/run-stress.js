// run-stress.js: the run report's "Stress" section (stress workloads): which ran (a GPU or the CPU stand-in), the
// stability verdict with its rule, sustained TFLOPS, power and joules per TFLOP per phase, throttle reasons, intervals.
'use strict';

function stressSection(r) {
  const s = r.stress;
  if (!s) return null;
  const pct = (x) => fmt(x * 100, 1, '%');
  const v = s.stability.verdict;
  return section(
    'Stress',
    h(
      'p',
      { id: 'stress-ran' },
      s.standIn
        ? `The CPU stand-in ran (${s.ran}): no GPU did this work, so these are not a GPU's numbers and no law prices them.`
        : `Ran on the GPU: ${s.devices.join(', ') || 'the assigned GPUs'}${s.size ? `, ${s.size} x ${s.size} matrices` : ''}.`,
    ),
    h(
      'div',
      {
        class: `verdict verdict-${v === 'stable' ? 'valid' : v === 'unstable' ? 'invalid' : 'unknown'}`,
        id: 'stress-stability',
      },
      h('strong', null, v),
      s.stability.reasons.length
        ? h(
            'ul',
            null,
            s.stability.reasons.map((x) => h('li', null, x)),
          )
        : '',
      h('p', { class: 'muted' }, `Rule: ${s.stability.rule}`),
    ),
    sortableTable(
      [
        { label: 'phase', value: (p) => p.phase },
        { label: 'dtype run', value: (p) => p.dtype },
        { label: 'steady intervals', numeric: true, value: (p) => p.steadyIntervals, format: (x) => fmt(x, 0) },
        { label: 'sustained TFLOPS', numeric: true, value: (p) => p.sustainedTflops, format: (x) => fmt(x) },
        { label: 'per device', numeric: true, value: (p) => p.perDeviceTflops, format: (x) => fmt(x) },
        { label: 'CV', numeric: true, value: (p) => p.cv, format: (x) => (x === null ? 'n/a' : pct(x)) },
        { label: 'drift', numeric: true, value: (p) => p.drift, format: (x) => (x === null ? 'n/a' : pct(x)) },
        { label: 'mean W', numeric: true, value: (p) => p.meanW, format: (x) => fmt(x, 1) },
        { label: 'peak W', numeric: true, value: (p) => p.peakW, format: (x) => fmt(x, 1) },
        { label: 'J per TFLOP', numeric: true, value: (p) => p.joulesPerTflop, format: (x) => fmt(x) },
      ],
      s.phases,
      { className: 'stress-phases-table' },
    ),
    Object.keys(s.throttle).length
      ? kv(Object.entries(s.throttle).map(([k, x]) => [`${k} (share of steady GPU samples)`, pct(x)]))
      : h('p', { class: 'muted' }, 'No clock event reasons in the steady GPU samples.'),
    s.errors.length
      ? h(
          'ul',
          { class: 'warnings' },
          s.errors.map((x) => h('li', null, x)),
        )
      : null,
    h('h3', null, 'Intervals'),
    sortableTable(
      [
        { label: 'phase', value: (i) => i.phase },
        { label: '#', numeric: true, value: (i) => i.i, format: (x) => fmt(x, 0) },
        { label: 'TFLOPS', numeric: true, value: (i) => i.tflops, format: (x) => fmt(x) },
        { label: 'SM clock MHz', numeric: true, value: (i) => i.meanSmClockMHz, format: (x) => fmt(x, 0) },
        { label: 'mean W', numeric: true, value: (i) => i.meanW, format: (x) => fmt(x, 1) },
        { label: 'max °C', numeric: true, value: (i) => i.maxTemperatureC, format: (x) => fmt(x, 0) },
        {
          label: 'clock reasons',
          value: (i) =>
            Object.entries(i.reasons)
              .map(([k, x]) => `${k} ${pct(x)}`)
              .join(', '),
        },
      ],
      s.intervals,
      { className: 'stress-intervals-table' },
    ),
  );
}
