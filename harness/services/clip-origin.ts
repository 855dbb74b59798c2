// CLIP_URL_ORIGIN / pointAtClipServer: queries files name clips on a placeholder origin; the run points them at its server.
import type { CapturedQuery } from '../model/captured-query.ts';

/** The origin queries files use for clips served by the run's clip server (.invalid never resolves). */
export const CLIP_URL_ORIGIN = 'http://clips.minerbench.invalid';

/** A deep copy of a query body with every string that starts with CLIP_URL_ORIGIN moved to `serverUrl` (pure). */
export function pointAtClipServer<T>(body: T, serverUrl: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.startsWith(`${CLIP_URL_ORIGIN}/`) ? serverUrl + v.slice(CLIP_URL_ORIGIN.length) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && v.constructor === Object)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(body) as T;
}

/**
 * A captured query pointed at the clip server: its body, and its source line too (the synapse transport sends the
 * source as Python typed it, so the URLs inside it move the same way: only JSON strings starting with the origin).
 */
export function queryAtClipServer(q: CapturedQuery, serverUrl: string): CapturedQuery {
  const moved = { ...q, body: pointAtClipServer(q.body, serverUrl) };
  if (q.source !== undefined) moved.source = q.source.split(`"${CLIP_URL_ORIGIN}/`).join(`"${serverUrl}/`);
  return moved;
}
