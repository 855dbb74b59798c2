// formatError: the one clear message for a failure: what, where, details, how to fix, and the exit code.
import type { MinerbenchError } from '../errors.ts';

export function formatError(e: MinerbenchError): string {
  const lines = [`minerbench: error ${e.code}: ${e.message}`];
  for (const d of e.details) lines.push(`  ${d}`);
  if (e.hint) lines.push(`  fix: ${e.hint}`);
  lines.push(`  (exit code ${e.exitCode})`);
  return lines.join('\n') + '\n';
}
