// run-report.js: renders one run's result from the embedded JSON: verdict, eligibility and earnings first, then the raw
// numbers (latency, load, quality, energy), environment and configuration.
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
      `Run ${r.runId} · ${r.times.startedAt} · ${r.environment.host.name || r.environment.host.hostname} · minerbench ${r.minerbench.version}`,
    ),
    h(
      'p',
      { class: 'sub', id: 'workload' },
      `${r.workload.kind}: ${r.workload.description}${r.workload.measuredPath ? ` (measured through ${r.workload.measuredPath})` : ''}`,
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
  const ld = r.load;
  const q = r.quality;
  const e = r.energy;
  const headline = h(
    'div',
    { class: 'cards' },
    L ? card('p50 latency', fmt(L.p50Ms, 2, 'ms'), 'latency-p50') : null,
    L ? card('p99 latency', fmt(L.p99Ms, 2, 'ms'), 'latency-p99') : null,
    ld ? card('throughput', fmt(ld.okQps, 1, 'q/s'), 'throughput') : null,
    q
      ? card(
          q.metrics && q.metrics.some((m) => m.proxy) ? 'quality (mean reward, proxy metric)' : 'quality (mean reward)',
          fmt(q.mean, 3),
          'quality',
        )
      : null,
    r.window ? card(`${r.window.unit}s per window`, fmt(r.window.summary.unitsPerWindowMean, 1), 'window-units') : null,
    ld ? card('errors + timeouts', `${ld.error + ld.timeout} / ${ld.measured}`, 'failures') : null,
    r.window
      ? card(
          `${r.window.unit}s per joule`,
          r.window.summary.unitsPerJoule === null ? 'not measured' : fmt(r.window.summary.unitsPerJoule, 4),
          'window-units-per-joule',
        )
      : card(
          'energy per query',
          e.measured ? fmt(e.perQuery ? e.perQuery.energyJ : null, 3, 'J') : 'not measured',
          'energy',
        ),
    r.window
      ? null
      : card('quality per joule', e.measured ? fmt(e.qualityPerJoule, 5) : 'not measured', 'quality-per-joule'),
  );

  const latency = L
    ? section(
        'Latency',
        h(
          'p',
          { class: 'muted' },
          `From the actual send to the last byte, ${L.count} successful measured queries; timeout ${r.config.timeoutS} s (${r.config.timeoutSource}).`,
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
            ['first byte p50', r.firstByte ? r.firstByte.p50Ms : null],
            ['first byte p99', r.firstByte ? r.firstByte.p99Ms : null],
            ['from intended start p99', r.latencyFromIntended ? r.latencyFromIntended.p99Ms : null],
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
      )
    : null;

  const load = ld
    ? section(
        'Load',
        kv([
          ['arrival model', ld.arrival.open ? `${ld.model} (open loop)` : `${ld.model}, ${ld.concurrency} concurrent`],
          ['queries sent', `${ld.sent} (${ld.warmup} warm-up, not measured)`],
          [
            'measured',
            `${ld.measured}: ${ld.ok} ok, ${ld.error} errors, ${ld.timeout} timeouts, ${ld.dropped} dropped, ${ld.interrupted} interrupted`,
          ],
          ['window', fmt(ld.windowSeconds, 2, 's')],
          [
            'offered rate',
            ld.offeredQps === null ? 'closed loop (as fast as answers come)' : fmt(ld.offeredQps, 2, 'q/s'),
          ],
          ['achieved rate', fmt(ld.achievedQps, 2, 'q/s')],
          [
            'throughput (ok)',
            r.confidence && r.confidence.throughput.lowQps !== null
              ? `${fmt(ld.okQps, 2, 'q/s')} (95 % interval ${fmt(r.confidence.throughput.lowQps, 1)}–${fmt(r.confidence.throughput.highQps, 1)} q/s over ${r.confidence.throughput.batches} batches)`
              : fmt(ld.okQps, 2, 'q/s'),
          ],
          ['error rate', fmt(ld.errorRate * 100, 2, '%')],
          [
            'send lag p50 / p99 / max',
            `${fmt(ld.sendLag.p50Ms, 3)} / ${fmt(ld.sendLag.p99Ms, 3)} / ${fmt(ld.sendLag.maxMs, 3)} ms`,
          ],
          ['harness event loop p99', ld.eventLoop ? fmt(ld.eventLoop.p99Ms, 2, 'ms') : 'n/a'],
          ['longest stretch without an answer', ld.longestSilence ? fmt(ld.longestSilence.ms / 1000, 2, 's') : 'n/a'],
        ]),
        ld.topErrors.length
          ? h(
              'div',
              null,
              h('h3', null, 'Most frequent errors'),
              h(
                'ul',
                { class: 'errors' },
                ld.topErrors.map((x) => h('li', null, `${x.count}× ${x.error}`)),
              ),
            )
          : null,
      )
    : null;

  const quality = q
    ? section(
        'Quality',
        kv([
          ['mean validator reward', fmt(q.mean, 4)],
          ['scored queries', String(q.scored)],
          ['perfect (1.0)', String(q.perfect)],
          ['zero', String(q.zero)],
          ['scorer', q.scorer],
          q.metrics
            ? [
                'quality measured with',
                q.metrics
                  .map((m) => `${m.title}${m.proxy ? ' (a PROXY)' : ''}: ${m.note} (${m.answers} answers)`)
                  .join('; '),
              ]
            : null,
          q.bySynapse
            ? [
                'by synapse',
                q.bySynapse.map((x) => `${x.synapse}: ${fmt(x.mean, 4)} over ${x.scored} (${x.zero} zero)`).join('; '),
              ]
            : null,
          q.outcomes
            ? [
                'answers by outcome',
                q.outcomes
                  .map(
                    (o) =>
                      `${o.outcome}: ${o.count}${o.first.length ? ` (e.g. line ${o.first[0].line}: ${o.first[0].reason})` : ''}`,
                  )
                  .join('; '),
              ]
            : null,
          [
            'scorer errors',
            q.scorerErrors.count
              ? `${q.scorerErrors.count} (first: ${q.scorerErrors.first.map((x) => `line ${x.line}: ${x.error}`).join('; ')})`
              : 'none',
          ],
        ]),
      )
    : null;

  const env = r.environment;
  const environment = section(
    'Environment',
    kv([
      ['host', `${env.host.hostname} (${env.host.os}, ${env.host.arch})`],
      ['CPU', `${env.host.cpuModel}, ${env.host.cpuCores} cores, ${fmt(env.host.memoryGb, 1)} GB`],
      ['Node', env.node],
      ['Docker', env.docker ? `${env.docker.version} (API ${env.docker.apiVersion})` : 'not used'],
      [
        'miner',
        env.runtime.kind +
          (env.runtime.user ? `, user ${env.runtime.user.id}${env.runtime.user.root ? ' (root)' : ''}` : '') +
          (env.runtime.network
            ? `, network ${env.runtime.network.name} (${env.runtime.network.mode === 'egress' ? 'with' : 'no'} egress)`
            : ''),
      ],
      ['image', env.runtime.image ? `${env.runtime.image.tag} ${env.runtime.image.id}` : 'n/a'],
      [
        'base image',
        env.runtime.image && env.runtime.image.baseImage ? env.runtime.image.baseImage : 'Dockerfile default',
      ],
      [
        'GPUs',
        env.gpus.available
          ? env.gpus.devices
              .map(
                (d) =>
                  `${d.index}: ${d.name} ${d.uuid}${d.powerLimitW ? `, power limit ${d.powerLimitW} W` : ''}${d.assigned ? ' (used)' : ''}`,
              )
              .join('; ') + (env.gpus.driver ? `; driver ${env.gpus.driver}` : '')
          : `none (${env.gpus.reason})`,
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
  app.replaceChildren(
    ...[
      header,
      headline,
      warnings,
      eligibilitySection(r),
      earningsSection(r),
      stressSection(r),
      latency,
      load,
      quality,
      windowSection(r),
      energySection(r),
      environment,
      cfg,
    ].filter((x) => x),
  );

  function card(label, value, id) {
    return h(
      'div',
      { class: 'card', id: `card-${id}` },
      h('div', { class: 'card-label' }, label),
      h('div', { class: 'card-value' }, value),
    );
  }
})();
