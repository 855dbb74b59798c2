// scoreAnswer: token F1 between the miner's answer and the query's reference answer, in [0, 1]. Pure.

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** SQuAD-style F1 over word multisets: 1 for the same words, 0 for none in common or an empty answer. */
export function scoreAnswer(answer: unknown, reference: unknown): number {
  if (typeof answer !== 'string' || typeof reference !== 'string') return 0;
  const a = tokens(answer);
  const r = tokens(reference);
  if (!a.length || !r.length) return a.length === r.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of r) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of a) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  if (!common) return 0;
  const precision = common / a.length;
  const recall = common / r.length;
  return Math.round(((2 * precision * recall) / (precision + recall)) * 1e6) / 1e6;
}
