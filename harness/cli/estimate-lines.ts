// estimateLines: what `minerbench estimate` prints for a re-priced run: eligibility first, then the law's share, the
// money per day with its range, the law's own figures, the inputs given on the command line and what is missing.
import type { Earnings } from '../model/result/earnings-section.ts';
import type { Eligibility } from '../model/result/eligibility-section.ts';
import type { RunResult } from '../model/result/run-result.ts';
import { eligibilityVerdict } from './eligibility-verdict.ts';
import { terminalText } from './terminal-text.ts';

const n = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits });

function ranged(r: Earnings['share'], digits: number, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (r.value === null) return 'n/a';
  const lo = r.low === null ? '?' : n(r.low, digits);
  const hi = r.high === null ? '?' : n(r.high, digits);
  return r.low === r.value && r.high === r.value
    ? `${n(r.value, digits)}${u}`
    : `${n(r.value, digits)}${u} (range ${lo} .. ${hi})`;
}

function eligibilityLine(el: Eligibility | null, e: Earnings | null): string {
  if (!el)
    return `eligible: ${e?.eligible === false ? `NO: ${terminalText(e.reasons.join('; '))}` : 'yes (the subnet declares no gates)'}`;
  return eligibilityVerdict(el);
}

export function estimateLines(r: RunResult, chainNote: string): string[] {
  const e = r.earnings;
  const out = [`SN${r.subnet.netuid} ${r.subnet.id} (run ${r.runId})`, `chain: ${terminalText(chainNote)}`];
  out.push(eligibilityLine(r.eligibility, e));
  if (!e) {
    const why = r.warnings.filter((w) => w.startsWith('earnings:'));
    out.push(`earnings: not priced${why.length ? ` (${terminalText(why.join('; '))})` : ''}`);
    return out;
  }
  const cur = e.net.currency;
  out.push(
    `law: ${e.law} (${e.lawTitle})${e.eligible === false ? `: NOT eligible: ${terminalText(e.reasons.join('; '))}` : ''}`,
    `share of the miner pool: ${ranged(e.share, 6)} of ${n(e.network.minerPool.alphaPerDay)} alpha/day`,
    `gross: ${ranged(e.gross.alphaPerDay, 4, 'alpha')} = ${ranged(e.gross.taoPerDay, 4, 'TAO')}${e.gross.fiatPerDay.value === null ? '' : ` = ${ranged(e.gross.fiatPerDay, 2, e.net.currency ?? '')}`} per day`,
    `power: ${n(e.power.meanW, 1)} W x PUE ${e.power.pue} = ${n(e.power.kwhPerDay)} kWh/day = ${n(e.power.costPerDay)} ${e.power.currency ?? ''}/day`.trimEnd(),
    `registration: ${n(e.registration.burnTao, 4)} TAO over ${e.registration.tenureDays} days = ${n(e.registration.taoPerDay, 6)} TAO/day`,
    `net: ${cur ? `${ranged(e.net.fiatPerDay, 2, `${cur}/day`)}` : ranged(e.net.taoPerDay, 4, 'TAO/day')}`,
  );
  if (e.dominantInputs.length) out.push(`the range comes mostly from: ${e.dominantInputs.join(', ')}`);
  for (const b of e.breakdown)
    out.push(
      `  ${terminalText(b.label)}: ${b.value === null ? 'n/a' : typeof b.value === 'number' ? n(b.value, 6) : terminalText(b.value)}${b.unit ? ` ${b.unit}` : ''}`,
    );
  for (const i of e.inputs.filter((x) => x.source === 'flag' || x.source === 'file' || x.source === 'assumed'))
    out.push(
      `input ${i.name}: ${i.value ?? 'unknown'}${i.unit ? ` ${i.unit}` : ''} (${i.source === 'assumed' ? '' : `${i.source}: `}${terminalText(i.from)}${i.range ? `; plausible ${i.range[0]} .. ${i.range[1]}` : ''}${i.source === 'assumed' && i.supplyWith ? `; give ${i.supplyWith}` : ''})`,
    );
  for (const m of e.missing) out.push(`missing: ${terminalText(m)}`);
  for (const w of e.warnings) out.push(`warning: ${terminalText(w)}`);
  return out;
}
