// eligibilityVerdict: the one line `run` and `estimate` print for a machine's eligibility (gates that passed, and
// the ones that failed without blocking: a warning gate, or a gate bound to another pool of the law; their notes are in
// the result and the report).
import type { Eligibility } from '../model/result/eligibility-section.ts';
import { terminalText } from './terminal-text.ts';

export function eligibilityVerdict(el: Eligibility): string {
  if (el.eligible !== true)
    return `eligible: ${el.eligible === false ? 'NO' : 'unknown'}: ${terminalText(el.reasons.join('; '))}`;
  const passed = el.gates.filter((g) => g.blocking && g.pass === true).length;
  const aside = el.gates
    .filter((g) => !g.blocking && g.pass !== true)
    .map((g) => `${g.label} ${g.pass === false ? 'no' : 'unknown'}`);
  return `eligible: yes (${passed} gates passed${aside.length ? `; not blocking: ${terminalText(aside.join('; '))}` : ''})`;
}
