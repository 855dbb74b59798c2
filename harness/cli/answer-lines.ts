// answerLines: what a finished run prints: the verdict with its reasons, eligibility, and the answer (net per day by
// the subnet's law, with its range and the inputs that dominate it).
import type { RunResult } from '../model/result/run-result.ts';
import { eligibilityVerdict } from './eligibility-verdict.ts';
import { terminalText } from './terminal-text.ts';

const n = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits });

export function answerLines(r: RunResult): string[] {
  const out: string[] = [];
  const L = r.latency;
  const load = r.load;
  out.push(
    load && L
      ? `${r.validity.verdict}: ${load.ok}/${load.measured} ok, p50 ${L.p50Ms ?? 'n/a'} ms, p99 ${L.p99Ms ?? 'n/a'} ms, ${load.okQps} q/s, quality ${r.quality?.mean ?? 'n/a'}`
      : `${r.validity.verdict}: ${r.workload.description}`,
  );
  const proxies = (r.quality?.metrics ?? []).filter((m) => m.proxy);
  if (proxies.length)
    out.push(
      `  quality measured with ${terminalText(proxies.map((m) => m.title).join(', '))}: a proxy, not the validator's measure`,
    );
  const w = r.window;
  if (w) {
    const s = w.summary;
    const ref = w.reference
      ? `; reference ${n(w.reference.unitsPerWindow, 0)} on ${terminalText(w.reference.machine)}`
      : '';
    out.push(
      `  ${n(s.unitsPerWindowMean)} unique ${terminalText(w.unit)}s per window over ${s.windows} (min ${s.minUnits}, max ${s.maxUnits}, spread ${n(s.spread * 100, 1)} %), ${w.duplicates} duplicates dropped${w.empty.length ? `, ${w.empty.length} window(s) with no upload` : ''}${ref}`,
    );
  }
  for (const reason of r.validity.reasons) out.push(`  ${terminalText(reason)}`);
  if (r.stress?.standIn)
    out.push(
      `  the stress load ran on the ${terminalText(r.stress.ran)}, not a GPU: its TFLOPS and stability are not the GPU's and no law uses them`,
    );
  const el = r.eligibility;
  if (el) out.push(eligibilityVerdict(el));
  const e = r.earnings;
  if (!e) {
    const why = r.warnings.filter((w) => w.startsWith('earnings:') || w.startsWith('no earnings'));
    out.push(`earnings: not priced${why.length ? ` (${terminalText(why.join('; '))})` : ''}`);
    return out;
  }
  const cur = e.net.currency;
  const net = cur ? e.net.fiatPerDay : e.net.taoPerDay;
  // Without a net (no power measured, no --kwh-price), the gross is still the answer's first figure.
  const grossFiat = e.gross.fiatPerDay.value !== null;
  const shown = net.value !== null ? net : grossFiat ? e.gross.fiatPerDay : e.gross.taoPerDay;
  const what = net.value !== null ? 'net' : shown.value !== null ? 'gross' : 'net';
  const unit = net.value !== null ? (cur ?? 'TAO') : grossFiat ? (e.net.currency ?? 'TAO') : 'TAO';
  const range =
    shown.low !== null && shown.high !== null && shown.low !== shown.high
      ? ` (range ${n(shown.low)} .. ${n(shown.high)})`
      : shown.value !== null && shown.low !== null && shown.high === null && shown.low !== shown.value
        ? ` (range ${n(shown.low)} and up)`
        : '';
  out.push(
    `earns here: ${what} ${n(shown.value)} ${unit}/day${range}${what === 'gross' ? ' (net unknown: see missing)' : ''} by the ${e.law} law (${e.lawTitle})${e.eligible === false ? ', but NOT eligible' : ''}`,
  );
  if (e.dominantInputs.length) out.push(`  the range comes mostly from: ${e.dominantInputs.join(', ')}`);
  for (const m of e.missing) out.push(`  missing: ${terminalText(m)}`);
  return out;
}
