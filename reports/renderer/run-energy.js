// run-energy.js: the run report's energy section: headline with uncertainty, per GPU, flags, power over time with phases.
'use strict';

function energySection(r) {
  const e = r.energy;
  if (!e.measured) {
    const why = e.reason;
    return section(
      'Energy',
      h(
        'p',
        { class: 'muted', id: 'energy-reason' },
        /^power not measured/i.test(why) ? `${why[0].toUpperCase()}${why.slice(1)}.` : `Not measured: ${why}.`,
      ),
      powerFigure(r.powerTimeline),
    );
  }
  return section(
    'Energy',
    h('p', { id: 'energy-statement' }, `GPU energy over the measured load: ${e.statement}`),
    kv([
      ['mean power', fmt(e.meanW, 1, 'W')],
      ['idle baseline', fmt(e.idleW, 1, 'W')],
      ['load window', fmt(e.windowS, 1, 's')],
      ['energy', fmt(e.energyJ, 0, 'J')],
      ['above idle', fmt(e.aboveIdleJ, 0, 'J')],
      ['energy per query', fmt(e.perQuery ? e.perQuery.energyJ : null, 3, 'J')],
      ['energy per successful query', fmt(e.perSuccessfulQuery ? e.perSuccessfulQuery.energyJ : null, 3, 'J')],
      ['quality per joule', fmt(e.qualityPerJoule, 5)],
      ['quality per joule above idle', fmt(e.qualityPerJouleAboveIdle, 5)],
      ['coverage', `${fmt(e.coverage * 100, 1, '%')} of the window has readings`],
      [
        'sampler',
        `${e.sampler.powerField || 'no power field'} every ${e.sampler.periodMs} ms, ${e.sampler.restarts} restart(s)`,
      ],
    ]),
    sortableTable(
      [
        { label: 'GPU', value: (g) => g.uuid },
        { label: 'reading', value: (g) => g.reading },
        { label: 'mean W', numeric: true, value: (g) => g.meanW, format: (v) => fmt(v, 1) },
        { label: 'idle W', numeric: true, value: (g) => g.idleW, format: (v) => fmt(v, 1) },
        { label: 'energy J', numeric: true, value: (g) => g.energyJ, format: (v) => fmt(v, 0) },
        {
          label: '± J',
          numeric: true,
          value: (g) => (g.uncertainty ? g.uncertainty.joules : null),
          format: (v) => fmt(v, 0),
        },
      ],
      e.gpus,
      { className: 'gpu-energy-table' },
    ),
    e.flags.length
      ? h(
          'ul',
          { class: 'warnings' },
          e.flags.map((f) => h('li', null, `${f.kind}: ${f.message}`)),
        )
      : h('p', { class: 'muted' }, 'No power cap, throttling, other processes or gaps were seen.'),
    powerFigure(r.powerTimeline),
  );
}

function powerFigure(p) {
  if (!p || !p.series || !p.series.length)
    return h('p', { class: 'muted' }, 'No power-over-time trace in this result.');
  const bands = p.phases.map((ph) => ({ from: ph.startS, to: ph.endS, label: ph.name }));
  return h(
    'figure',
    { id: 'power-chart' },
    lineChart(
      p.series.map((s) => ({ name: s.uuid, points: s.points })),
      bands,
      { xLabel: 'seconds since the first reading', yLabel: 'GPU power (W)' },
    ),
    h(
      'figcaption',
      null,
      `GPU power (W) over the run; shaded: ${p.phases.map((ph) => `${ph.name} ${fmt(ph.startS, 1)}–${fmt(ph.endS, 1)} s`).join(', ')}`,
    ),
  );
}
