// readUidWindow: per-UID incentive and emission of each subnet at several blocks across a window of days (live chain or
// an archive node), for the honest per-operator figures; blocks that give no data make the window partial.
import { MinerbenchError } from '../errors.ts';
import type { SubnetSnapshot, UidSample, UidWindow } from '../model/chain-snapshot-schema.ts';
import type { BlockTiming } from './block-timing.ts';
import type { ChainConnection } from './connect-chain.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { resolveBlock, type ResolvedBlock } from './resolve-block.ts';
import { readUidVectorsViaRuntimeApi } from './read-subnets-runtime-api.ts';

export interface UidWindowOptions {
  days: number;
  /** Sample blocks, newest (the snapshot block) included; default one per day plus one, 2 to 15. */
  samples?: number;
  concurrency?: number;
}

/** The sample blocks of a window ending at `head`, newest first, evenly spaced; blocks before genesis are dropped. */
export function windowBlocks(head: number, days: number, blockMs: number, samples: number): number[] {
  const span = Math.round((days * 86_400_000) / blockMs);
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const b = head - Math.round((i * span) / (samples - 1));
    if (b >= 0 && !out.includes(b)) out.push(b);
  }
  return out;
}

export function defaultSamples(days: number): number {
  return Math.min(15, Math.max(2, Math.ceil(days) + 1));
}

/**
 * Reads the window for the given subnets (whose `uids` hold the head sample). A node that no longer keeps the state of
 * the oldest sample ends the read with CHAIN_STATE_PRUNED (use an archive node); any other block that gives no data
 * (no hash, a runtime without the API, the subnet not registered yet) is listed as missing and the window is partial.
 */
export async function readUidWindow(
  conn: ChainConnection,
  head: ResolvedBlock,
  subnets: readonly SubnetSnapshot[],
  timing: BlockTiming,
  opts: UidWindowOptions,
): Promise<Map<number, UidWindow>> {
  const requested = windowBlocks(head.number, opts.days, timing.ms, opts.samples ?? defaultSamples(opts.days));
  const older = requested.slice(1);
  const blocks = new Map<number, ResolvedBlock | string>();
  // Oldest first: a pruned node fails there, before any other work.
  for (const b of [...older].reverse()) {
    try {
      blocks.set(b, await resolveBlock(conn.api, conn.endpoint.url, b));
    } catch (e) {
      if (e instanceof MinerbenchError && e.code === 'CHAIN_STATE_PRUNED')
        throw new MinerbenchError(
          'CHAIN_STATE_PRUNED',
          `a ${opts.days}-day window needs the state of block ${b} (${(((head.number - b) * timing.ms) / 86_400_000).toFixed(1)} days before block ${head.number}), and ${conn.endpoint.url} no longer keeps it (not an archive node)`,
          {
            hint: 'use an archive node (--network archive, wss://archive.chain.opentensor.ai:443) or a shorter --window',
            cause: e,
          },
        );
      blocks.set(b, e instanceof Error ? e.message : String(e));
    }
  }
  const out = new Map<number, UidWindow>();
  for (const s of subnets) {
    const samples: UidSample[] = s.uids ? [{ block: head.number, hash: head.hash, time: head.time, uids: s.uids }] : [];
    const missing: UidWindow['missing'] = s.uids ? [] : [{ block: head.number, reason: 'no per-UID data read' }];
    type Read = UidSample | { block: number; reason: string };
    const read = await mapConcurrent(older, opts.concurrency ?? 8, async (b): Promise<Read> => {
      const at = blocks.get(b)!;
      if (typeof at === 'string') return { block: b, reason: at };
      try {
        const uids = await readUidVectorsViaRuntimeApi(at.apiAt, s.netuid);
        if (!uids) return { block: b, reason: `netuid ${s.netuid} did not exist at this block` };
        return { block: b, hash: at.hash, time: at.time, uids };
      } catch (e) {
        return { block: b, reason: e instanceof Error ? e.message : String(e) };
      }
    });
    for (const r of read) {
      if ('uids' in r) samples.push(r as UidSample);
      else missing.push(r);
    }
    out.set(s.netuid, {
      requestedDays: opts.days,
      requestedBlocks: requested,
      samples,
      missing,
      partial: missing.length > 0,
    });
  }
  return out;
}

/** --window: "7d", "36h" or a number of days; 1 hour to 90 days. */
export function parseWindow(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([dh]?)\s*$/.exec(text);
  const days = m ? Number(m[1]) / (m[2] === 'h' ? 24 : 1) : Number.NaN;
  if (!Number.isFinite(days) || days < 1 / 24 || days > 90)
    throw new MinerbenchError('USAGE', `--window ${text} is not a window of 1 hour to 90 days`, {
      hint: 'e.g. --window 7d or --window 36h',
    });
  return days;
}
