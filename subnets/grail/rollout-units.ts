// parseRolloutFile: one uploaded grail window file as the window workload counts it (pure): its window and one hash per
// rollout, SHA-256 of the completion tokens, as grail counts unique rollouts
// (one-covenant/grail@54d6342:docs/incentive-mechanism.md, "unique rollouts").
import { createHash } from 'node:crypto';
import type { ParsedWindowFile } from '../../harness/evaluate/window-units.ts';

export function parseRolloutFile(key: string, text: string): ParsedWindowFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, key, problem: 'not JSON' };
  }
  const d = doc as { window?: unknown; rollouts?: unknown };
  if (!Number.isInteger(d.window) || !Array.isArray(d.rollouts))
    return { ok: false, key, problem: 'no integer `window` and `rollouts` list' };
  const unitHashes: string[] = [];
  for (const r of d.rollouts as unknown[]) {
    const tokens = (r as { completion_tokens?: unknown })?.completion_tokens;
    if (!Array.isArray(tokens) || !tokens.every((t) => Number.isInteger(t)))
      return { ok: false, key, problem: 'a rollout without integer completion_tokens' };
    unitHashes.push(createHash('sha256').update(JSON.stringify(tokens)).digest('hex'));
  }
  return { ok: true, file: { window: d.window as number, key, unitHashes } };
}
