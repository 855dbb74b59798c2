// startCaptureProxy: a transparent reverse proxy in front of a miner that writes one captured query per request.
import { rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { MinerbenchError } from '../errors.ts';
import { captureLine } from './capture-line.ts';
import { OrderedWriter } from './ordered-writer.ts';

export interface CaptureProxyOptions {
  listen: { host: string; port: number };
  upstream: { host: string; port: number };
  out: string;
  /** Bodies larger than this are forwarded but not recorded (counted as skipped). */
  maxBodyBytes: number;
  now?: () => number;
  onSkip?: (reason: string) => void;
}

export interface CaptureStats {
  requests: number;
  captured: number;
  skipped: number;
  upstreamErrors: number;
}

const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
]);

/** Raw header pairs without hop-by-hop ones, names as the client wrote them (underscored bittensor names kept). */
function forwardHeaders(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let k = 0; k < raw.length; k += 2) if (!HOP.has(raw[k]!.toLowerCase())) out.push([raw[k]!, raw[k + 1]!]);
  return out;
}

export function probeUpstream(host: string, port: number, timeoutMs = 3000): Promise<string | null> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (err: string | null) => {
      s.destroy();
      resolve(err);
    };
    s.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    s.once('connect', () => done(null));
    s.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

export async function startCaptureProxy(
  o: CaptureProxyOptions,
): Promise<{ address: AddressInfo; stats: CaptureStats; close: () => Promise<void> }> {
  const up = `${o.upstream.host}:${o.upstream.port}`;
  const refused = await probeUpstream(o.upstream.host, o.upstream.port);
  if (refused) {
    throw new MinerbenchError('CAPTURE_UPSTREAM_UNREACHABLE', `--upstream ${up}: cannot connect (${refused})`, {
      hint: "start the miner first, or fix --upstream to the axon's HOST:PORT",
    });
  }
  const writer = new OrderedWriter(o.out);
  try {
    await writer.opened();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new MinerbenchError('CAPTURE_FAILED', `--out ${o.out}: cannot create it (${code ?? (e as Error).message})`, {
      hint:
        code === 'EEXIST'
          ? 'captures never overwrite: choose a new --out file, or move the old one away'
          : 'check the folder exists and is writable',
    });
  }
  const now = o.now ?? (() => performance.now());
  const t0 = now();
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const stats: CaptureStats = { requests: 0, captured: 0, skipped: 0, upstreamErrors: 0 };
  const skip = (seq: number, reason: string) => {
    stats.skipped++;
    o.onSkip?.(reason);
    writer.put(seq, null);
  };

  const server = http.createServer((req, res) => {
    const seq = stats.requests++;
    const arrival = now();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = forwardHeaders(req.rawHeaders);
      const record = (status: number) => {
        if (size > o.maxBodyBytes)
          return skip(
            seq,
            `${req.url}: body of ${size} bytes is over the ${o.maxBodyBytes}-byte capture limit (forwarded, not recorded)`,
          );
        const c = captureLine({
          t: (arrival - t0) / 1000,
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body,
          status,
          latencyMs: now() - arrival,
        });
        if ('skipped' in c) return skip(seq, c.skipped);
        stats.captured++;
        writer.put(seq, JSON.stringify(c.line));
      };
      const send = (retry: boolean) => {
        const upReq = http.request({
          agent,
          host: o.upstream.host,
          port: o.upstream.port,
          method: req.method,
          path: req.url,
          headers: headers as unknown as http.OutgoingHttpHeaders,
        });
        upReq.on('response', (upRes) => {
          res.writeHead(
            upRes.statusCode ?? 502,
            forwardHeaders(upRes.rawHeaders) as unknown as http.OutgoingHttpHeaders,
          );
          res.flushHeaders();
          upRes.on('data', (c: Buffer) => res.write(c)); // streaming passes through as it arrives
          upRes.on('end', () => {
            res.end();
            record(upRes.statusCode ?? 502);
          });
          upRes.on('error', () => {
            res.destroy();
            record(upRes.statusCode ?? 502);
          });
        });
        upReq.on('error', (e: NodeJS.ErrnoException) => {
          if (res.headersSent) {
            res.destroy();
            return record(res.statusCode);
          }
          // A kept-alive socket the restarted upstream closed: nothing was processed, so one fresh try is safe.
          if (retry && upReq.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) return send(false);
          stats.upstreamErrors++;
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ message: `minerbench capture: upstream ${up} unavailable (${e.code ?? e.message})` }),
          );
          record(502);
        });
        req.on('aborted', () => upReq.destroy());
        upReq.end(body);
      };
      send(true);
    });
  });
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          new MinerbenchError(
            'CAPTURE_FAILED',
            `--listen ${o.listen.host}:${o.listen.port}: cannot listen (${e.code ?? e.message})`,
            { hint: 'choose a free port, or stop what holds it' },
          ),
        ),
      );
      server.listen(o.listen.port, o.listen.host, () => resolve());
    });
  } catch (e) {
    // Nothing was captured: the --out file this run created (empty) goes, so a retry with the same --out works.
    agent.destroy();
    await writer.close();
    rmSync(o.out, { force: true });
    throw e;
  }
  return {
    address: server.address() as AddressInfo,
    stats,
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeIdleConnections();
      });
      agent.destroy();
      await writer.close();
    },
  };
}
