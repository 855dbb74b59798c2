// The stress program's output lines moved onto the run clock (its times are wall-clock ms, time.time(); the GPU
// sampler stamps the run clock), and the load window they span, for the energy phases. Pure.
import { parseStressLines } from '../evaluate/stress-lines.ts';

const TIME_KEYS = ['tMs', 'tStartMs', 'tEndMs'] as const;

/** Each JSON line with its times minus `offsetMs` (wall clock - run clock); other lines kept as they were. */
export function toRunClock(lines: readonly string[], offsetMs: number): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const text = raw.trim();
    if (!text) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      out.push(text);
      continue;
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      out.push(text);
      continue;
    }
    const o = json as Record<string, unknown>;
    for (const k of TIME_KEYS)
      if (typeof o[k] === 'number') o[k] = Math.round(((o[k] as number) - offsetMs) * 1000) / 1000;
    out.push(JSON.stringify(o));
  }
  return out;
}

/** Warm-up from the program's start to its first interval, the load from there to the end of its last interval. */
export function programWindow(
  lines: readonly string[],
): { warmup: { startMs: number; endMs: number }; measure: { startMs: number; endMs: number } } | null {
  const p = parseStressLines(lines);
  if (!p.intervals.length) return null;
  let first = p.intervals[0]!.tStartMs;
  let last = p.intervals[0]!.tEndMs;
  for (const iv of p.intervals) {
    if (iv.tStartMs < first) first = iv.tStartMs;
    if (iv.tEndMs > last) last = iv.tEndMs;
  }
  const start = p.start ? Math.min(p.start.tMs, first) : first;
  return { warmup: { startMs: start, endMs: first }, measure: { startMs: first, endMs: last } };
}
