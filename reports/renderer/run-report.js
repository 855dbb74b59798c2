// run-report.js: renders one run's result (verdict, latency, load, quality, energy, earnings, environment) from the embedded JSON.
'use strict';

(function renderRun() {
  const { data: r } = readData();
  const app = document.getElementById('app');
  const verdict = r.validity.verdict;
  const header = h(
    'header',
    null,
    h('h1', null, `${r.subnet.title} `, h('span', { class: 'muted' }, `(${r.subnet.id}, netuid ${r.subnet.netuid})`)),
    h(
      'p',
      { class: 'sub' },
      `Run ${r.runId} · ${r.times.startedAt} · ${r.environment.host.hostname} · minerbench ${r.minerbench.version}`,
    ),
    h(
      'div',
      { class: `verdict verdict-${verdict.toLowerCase()}`, id: 'verdict' },
      h('strong', null, verdict),
      r.status !== 'completed' ? ` · run ${r.status}` : '',
      r.validity.reasons.length
        ? h(
            'ul',
            null,
            r.validity.reasons.map((x) => h('li', null, x)),
          )
        : h('span', null, ' · every validity rule passed'),
    ),
    r.error
      ? h(
          'div',
          { class: 'error' },
          h('strong', null, r.error.code),
          ` ${r.error.message}`,
          r.error.hint ? h('p', null, r.error.hint) : null,
        )
      : null,
  );

  const L = r.latency;
  const headline = h(
    'div',
    { class: 'cards' },
    card('p50 latency', fmt(L.p50Ms, 2, 'ms'), 'latency-p50'),
    card('p99 latency', fmt(L.p99Ms, 2, 'ms'), 'latency-p99'),
    card('throughput', fmt(r.load.okQps, 1, 'q/s'), 'throughput'),
    card('quality (mean reward)', fmt(r.quality.mean, 3), 'quality'),
    card('errors + timeouts', `${r.load.error + r.load.timeout} / ${r.load.measured}`, 'failures'),
    card(
      'energy per query',
      r.energy.measured
        ? fmt(r.energy.perQuery ? r.energy.perQuery.energyJ : r.energy.joulesPerQuery, 3, 'J')
        : 'not measured',
      'energy',
    ),
    card(
      'quality per joule',
      r.energy.measured ? fmt(r.energy.qualityPerJoule, 5) : 'not measured',
      'quality-per-joule',
    ),
  );

  const latency = section(
    'Latency',
    h(
      'p',
      { class: 'muted' },
      `From the actual send to the last byte, ${L.count} successful measured queries; timeout ${r.config.timeoutS} s.`,
    ),
    sortableTable(
      [
        { label: 'statistic', value: (x) => x[0] },
        { label: 'ms', value: (x) => x[1], numeric: true, format: (v) => fmt(v, 3) },
      ],
      [
        ['min', L.minMs],
        ['mean', L.meanMs],
        ['p50', L.p50Ms],
        ['p90', L.p90Ms],
        ['p99', L.p99Ms],
        ['max', L.maxMs],
        ['std dev', L.stddevMs],
        ['first byte p50', r.firstByte.p50Ms],
        ['first byte p99', r.firstByte.p99Ms],
      ],
      { className: 'latency-table' },
    ),
    h(
      'figure',
      null,
      histogramChart(L.histogram, [
        { label: 'p50', value: L.p50Ms },
        { label: 'p99', value: L.p99Ms },
      ]),
      h('figcaption', null, 'Latency distribution (log scale)'),
    ),
  );

  const ld = r.load;
  const load = section(
    'Load',
    kv([
      ['arrival model', `${ld.model}, ${ld.concurrency} concurrent`],
      ['queries sent', `${ld.sent} (${ld.warmup} warm-up, not measured)`],
      ['measured', `${ld.measured}: ${ld.ok} ok, ${ld.error} errors, ${ld.timeout} timeouts, ${ld.dropped} dropped`],
      ['window', fmt(ld.windowSeconds, 2, 's')],
      ['achieved rate', fmt(ld.achievedQps, 2, 'q/s')],
      [
        'throughput (ok)',
        r.confidence && r.confidence.throughput.lowQps !== null
          ? `${fmt(ld.okQps, 2, 'q/s')} (95 % interval ${fmt(r.confidence.throughput.lowQps, 1)}–${fmt(r.confidence.throughput.highQps, 1)} q/s over ${r.confidence.throughput.batches} batches)`
          : fmt(ld.okQps, 2, 'q/s'),
      ],
      ['error rate', fmt(ld.errorRate * 100, 2, '%')],
    ]),
    ld.topErrors.length
      ? h(
          'div',
          null,
          h('h3', null, 'Most frequent errors'),
          h(
            'ul',
            { class: 'errors' },
            ld.topErrors.map((e) => h('li', null, `${e.count}× ${e.error}`)),
          ),
        )
      : null,
  );

  const q = r.quality;
  const quality = section(
    'Quality',
    kv([
      ['mean validator reward', fmt(q.mean, 4)],
      ['scored queries', String(q.scored)],
      ['perfect (1.0)', String(q.perfect)],
      ['zero', String(q.zero)],
    ]),
  );

  const energy = energySection(r);
  const earnings = earningsSection(r);

  const e = r.environment;
  const env = section(
    'Environment',
    kv([
      ['host', `${e.host.hostname} (${e.host.os}, ${e.host.arch})`],
      ['CPU', `${e.host.cpuModel}, ${e.host.cpuCores} cores, ${fmt(e.host.memoryGb, 1)} GB`],
      ['Node', e.node],
      ['Docker', e.docker ? `${e.docker.version} (API ${e.docker.apiVersion})` : 'not used'],
      ['image', e.runtime.image ? `${e.runtime.image.tag} ${e.runtime.image.id}` : 'n/a'],
      ['base image', e.runtime.image && e.runtime.image.baseImage ? e.runtime.image.baseImage : 'Dockerfile default'],
      [
        'GPUs',
        e.gpus.available
          ? e.gpus.devices
              .map(
                (d) =>
                  `${d.index}: ${d.name} ${d.uuid}${d.driver ? `, driver ${d.driver}` : ''}${d.powerLimitW ? `, power limit ${d.powerLimitW} W` : ''}`,
              )
              .join('; ')
          : `none (${e.gpus.reason})`,
      ],
    ]),
  );

  const cfg = section('Configuration', h('pre', null, JSON.stringify(r.config, null, 2)));
  const warnings = r.warnings.length
    ? section(
        'Warnings',
        h(
          'ul',
          { class: 'warnings' },
          r.warnings.map((w) => h('li', null, w)),
        ),
      )
    : null;
  app.replaceChildren(header, headline, warnings || '', latency, load, quality, energy, earnings, env, cfg);

  function card(label, value, id) {
    return h(
      'div',
      { class: 'card', id: `card-${id}` },
      h('div', { class: 'card-label' }, label),
      h('div', { class: 'card-value' }, value),
    );
  }
})();
