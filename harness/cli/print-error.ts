// formatError: the one clear message for a failure: what, where, details, how to fix, and the exit code.
import type { MinerbenchError } from '../errors.ts';
import { terminalText } from './terminal-text.ts';

/** Messages and details carry miner log lines, build output and file contents: every control character is escaped. */
export function formatError(e: MinerbenchError): string {
  const lines = [`minerbench: error ${e.code}: ${terminalText(e.message, { multiline: true })}`];
  for (const d of e.details) lines.push(`  ${terminalText(d)}`);
  if (e.hint) lines.push(`  fix: ${terminalText(e.hint, { multiline: true })}`);
  lines.push(`  (exit code ${e.exitCode})`);
  return lines.join('\n') + '\n';
}
