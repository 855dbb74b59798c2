// captureLine: one captured query (queries-file format) from a proxied exchange; why not, when it cannot be one. Pure.
import type { IncomingHttpHeaders } from 'node:http';

/** Fields every bittensor synapse body carries; the captured body keeps only the subclass's own fields. */
const SYNAPSE_BASE_FIELDS = ['name', 'timeout', 'total_size', 'header_size', 'dendrite', 'axon', 'computed_body_hash'];

export interface CapturedExchange {
  /** Seconds since the capture started. */
  t: number;
  method: string;
  /** Request path with query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The miner's HTTP status (502 when the upstream could not be reached). */
  status: number;
  latencyMs: number;
}

export type CaptureLine = { line: Record<string, unknown> } | { skipped: string };

const header = (h: IncomingHttpHeaders, k: string): string | undefined => {
  const v = h[k];
  return Array.isArray(v) ? v[0] : v;
};

export function captureLine(x: CapturedExchange): CaptureLine {
  if (x.method !== 'POST') return { skipped: `${x.method} ${x.url} is not a query (only POSTs are captured)` };
  let body: unknown;
  try {
    body = JSON.parse(x.body.toString('utf8'));
  } catch {
    return { skipped: `${x.url}: the body is not JSON` };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { skipped: `${x.url}: the body is not a JSON object` };
  const path = x.url.split('?')[0]!;
  const isSynapse =
    header(x.headers, 'bt_header_dendrite_hotkey') !== undefined ||
    header(x.headers, 'computed_body_hash') !== undefined;
  const fields = body as Record<string, unknown>;
  const timeoutText = header(x.headers, 'timeout') ?? header(x.headers, 'x-client-timeout');
  const timeout = Number(timeoutText ?? (typeof fields.timeout === 'number' ? fields.timeout : NaN));
  const validator = header(x.headers, 'bt_header_dendrite_hotkey') ?? header(x.headers, 'epistula-signed-by');
  const own = isSynapse
    ? Object.fromEntries(Object.entries(fields).filter(([k]) => !SYNAPSE_BASE_FIELDS.includes(k)))
    : fields;
  return {
    line: {
      t: Math.round(x.t * 1e6) / 1e6,
      synapse: isSynapse ? path.replace(/^\//, '') : path,
      body: own,
      ...(Number.isFinite(timeout) && timeout > 0 ? { timeout } : {}),
      ...(validator ? { validator } : {}),
      status: x.status,
      latencyMs: Math.round(x.latencyMs * 1000) / 1000,
    },
  };
}
