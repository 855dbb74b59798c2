// run-window.js: the run report's "Windows" section (window workloads, e.g. grail): units per window, units per joule,
// the spread, what was dropped and why, and the subnet's published reference figure beside this machine's.
'use strict';

function windowSection(r) {
  const w = r.window;
  if (!w) return null;
  const s = w.summary;
  const unit = w.unit;
  const ref = w.reference;
  const rows = w.measured.concat(w.partial.map((p) => Object.assign({ className: 'partial' }, p)));
  const named = [
    w.empty.length ? `windows with no ${unit} file (each counts 0): ${w.empty.join(', ')}` : null,
    w.outside.length
      ? `files for no measured window: ${w.outside.map((o) => `${o.key} (window ${o.window})`).join('; ')}`
      : null,
    w.unreadable.length ? `unreadable files: ${w.unreadable.map((u) => `${u.key}: ${u.problem}`).join('; ')}` : null,
  ].filter((x) => x);
  return section(
    'Windows',
    h(
      'p',
      { class: 'muted', id: 'window-clock' },
      `${w.windowBlocks} blocks x ${fmt(w.blockSeconds, 0)} s = ${fmt(w.chainWindowSeconds, 0)} s per window on chain` +
        (w.speed === 1
          ? '; the block clock ran at the chain pace.'
          : `; the block clock ran ${fmt(w.speed)}x faster (${fmt(w.runWindowSeconds, 2)} s per window): a plumbing check, not a measurement.`),
    ),
    kv([
      [`unique ${unit}s per window (mean of ${s.windows})`, fmt(s.unitsPerWindowMean, 2)],
      ['min / max', `${fmt(s.minUnits, 0)} / ${fmt(s.maxUnits, 0)}`],
      ['spread (std dev / mean)', fmt(s.spread * 100, 1, '%')],
      [`${unit}s per joule`, s.unitsPerJoule === null ? 'not measured (no GPU power)' : fmt(s.unitsPerJoule, 4)],
      [`duplicate ${unit}s dropped`, fmt(w.duplicates, 0)],
      ref
        ? [
            'reference',
            `${fmt(ref.unitsPerWindow, 0)} ${unit}s per window on ${ref.machine}${ref.model ? ` with ${ref.model}` : ''}` +
              `${ref.source ? ` (${ref.source})` : ''}; this machine: ${fmt(s.unitsPerWindowMean, 2)} (${fmt((100 * s.unitsPerWindowMean) / ref.unitsPerWindow, 1)} % of it)`,
          ]
        : null,
    ]),
    sortableTable(
      [
        {
          label: 'window (first block)',
          value: (x) => x.window,
          format: (v, x) => `${v}${x.why ? ` (partial: ${x.why})` : ''}`,
        },
        { label: 'from s', numeric: true, value: (x) => x.startS, format: (v) => fmt(v, 1) },
        { label: 'to s', numeric: true, value: (x) => x.endS, format: (v) => fmt(v, 1) },
        { label: 'files', numeric: true, value: (x) => x.files, format: (v) => fmt(v, 0) },
        { label: `${unit}s`, numeric: true, value: (x) => x.units, format: (v) => fmt(v, 0) },
        { label: 'unique', numeric: true, value: (x) => x.unique, format: (v) => fmt(v, 0) },
        { label: 'duplicates', numeric: true, value: (x) => x.duplicates, format: (v) => fmt(v, 0) },
        { label: 'energy J', numeric: true, value: (x) => x.joules, format: (v) => fmt(v, 0) },
        { label: `${unit}s / J`, numeric: true, value: (x) => x.unitsPerJoule, format: (v) => fmt(v, 4) },
      ],
      rows,
      { className: 'window-table' },
    ),
    named.length
      ? h(
          'ul',
          { class: 'warnings', id: 'window-dropped' },
          named.map((x) => h('li', null, x)),
        )
      : h('p', { class: 'muted' }, 'Every upload was read and belonged to a window of the run.'),
  );
}
