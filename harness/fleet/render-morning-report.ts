// renderMorningReport: the morning report as one self-contained HTML page (no script, every text escaped). Pure.
import type { Figure } from '../evaluate/figure.ts';
import type { MetricComparison } from './compare-figures.ts';
import type { MorningReport, ReportMachine } from './morning-report.ts';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function num(x: number): string {
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(2);
}

function fig(f: Figure | null, unit: string): string {
  return f ? `${num(f.value)}${unit ? ` ${esc(unit)}` : ''} <small>[${num(f.lo)}, ${num(f.hi)}]</small>` : '—';
}

function metricRow(m: MetricComparison): string {
  const change = m.change === null ? '' : `${m.change >= 0 ? '+' : ''}${(m.change * 100).toFixed(1)} %`;
  return `<tr class="${m.verdict}"><td>${esc(m.label)}</td><td>${fig(m.tonight, m.unit)}</td><td>${fig(m.baseline, m.unit)}</td><td>${change}</td><td>${m.verdict}</td></tr>`;
}

function machineSection(m: ReportMachine): string {
  const labels = Object.entries(m.labels)
    .map(([k, v]) => `${esc(k)}=${esc(v)}`)
    .join(', ');
  const head = `<h2>${esc(m.machine)} <span class="status ${m.status}">${m.status}</span></h2>
<p>${esc(m.endpoint)}${labels ? ` · ${labels}` : ''} · ${m.completed}/${m.planned} runs completed</p>`;
  const error = m.error ? `<p class="error">${esc(m.error.code)}: ${esc(m.error.message)}</p>` : '';
  const failed = m.failed.length
    ? `<ul class="failed">${m.failed.map((f) => `<li>${esc(f.key)}${f.error ? `: ${esc(f.error)}` : ''}</li>`).join('')}</ul>`
    : '';
  const series = m.series
    .map((s) => {
      const links = s.runs
        .map(
          (r) =>
            `<a href="${esc(r.report)}">#${r.repeat} ${esc(r.runId)}</a>${r.verdict ? ` (${esc(r.verdict)})` : ''}`,
        )
        .join(' · ');
      return `<h3>${esc(s.subnet)} / ${esc(s.scenario)}</h3><p>tonight: ${links}; baseline: ${s.baselineRuns} run(s)</p>
<table><thead><tr><th>metric</th><th>tonight [95 %]</th><th>baseline [95 %]</th><th>change</th><th>verdict</th></tr></thead><tbody>${s.metrics.map(metricRow).join('')}</tbody></table>`;
    })
    .join('\n');
  return `<section>${head}${error}${failed}${series}</section>`;
}

export function renderMorningReport(r: MorningReport): string {
  const summary = r.regressions.length
    ? `<ul class="regressions">${r.regressions.map((g) => `<li><b>${esc(g.machine)}</b> ${esc(g.subnet)}/${esc(g.scenario)}: ${esc(g.metric.label)} ${fig(g.metric.tonight, g.metric.unit)} vs ${fig(g.metric.baseline, g.metric.unit)}</li>`).join('')}</ul>`
    : '<p>No regression: every difference from the baseline is within the confidence intervals.</p>';
  const down = r.machines.filter((m) => m.status !== 'completed');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>minerbench morning report ${esc(r.night)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
tr.regression{background:#fdd}tr.improvement{background:#dfd}.status{font-size:70%;padding:.1em .4em;border-radius:.3em;background:#eee}.status.completed{background:#cfc}
.status.failed,.status.unreachable{background:#fcc}.error{color:#a00}small{color:#666}</style></head><body>
<h1>${esc(r.fleet)}: night ${esc(r.night)}</h1>
<p><a href="compare-${esc(r.night)}.html">machines side by side for tonight's runs</a></p>
<p>Baseline: ${r.baselineNights.length ? r.baselineNights.map(esc).join(', ') : 'no earlier night yet'}. A regression is a worse value whose 95 % interval does not overlap the baseline's.</p>
<h2>${r.regressions.length} regression(s)${down.length ? `, ${down.length} machine(s) not completed` : ''}</h2>${summary}
${r.machines.map(machineSection).join('\n')}
<footer><small>generated ${esc(r.generatedAt)} by minerbench fleet run</small></footer></body></html>
`;
}
