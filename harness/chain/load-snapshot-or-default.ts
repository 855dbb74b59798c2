// loadSnapshotOrDefault: a snapshot from --chain FILE, else the live chain, else (with a warning) the shipped one: the
// fallback is for the default network only, or when asked for; an explicit --network that does not answer is an error.
import path from 'node:path';
import { MinerbenchError } from '../errors.ts';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import { loadChainSnapshotFile } from './chain-snapshot-file.ts';
import { resolveChainEndpoint } from './chain-networks.ts';
import { connectChain } from './connect-chain.ts';
import { defaultSnapshotWarning, describeSnapshotAge, loadDefaultSnapshot } from './default-snapshot.ts';
import { readChainSnapshot, type ReadMethod } from './read-chain-snapshot.ts';

export interface SnapshotSourceOptions {
  /** --chain FILE: run offline from this snapshot. */
  chain?: string;
  /** --network finney|test|archive|URL. */
  network?: string;
  /** --genesis: the genesis hash a custom URL must report. */
  genesis?: string;
  block?: number;
  netuids?: number[];
  timeoutMs?: number;
  retries?: number;
  /** Skip the chain and use the shipped snapshot (still with its warning). */
  offline?: boolean;
  /**
   * Use the shipped snapshot when the chain does not answer. Default: true for the default network (no --network),
   * false when a network was named (its silence is then CHAIN_UNREACHABLE, not a year-old answer).
   */
  fallback?: boolean;
  /** How to read subnets from a live chain (see readChainSnapshot); default: every subnet with per-UID data. */
  method?: ReadMethod;
  /** Read without per-UID data where the runtime allows (subnet-info): the strategist's table. */
  preferLight?: boolean;
  cwd?: string;
  now?: Date;
  signal?: AbortSignal;
}

export interface LoadedSnapshot {
  snapshot: ChainSnapshot;
  origin: 'file' | 'chain' | 'default';
  warnings: string[];
}

export async function loadSnapshotOrDefault(opts: SnapshotSourceOptions = {}): Promise<LoadedSnapshot> {
  const now = opts.now ?? new Date();
  if (opts.chain) {
    const snapshot = await loadChainSnapshotFile(path.resolve(opts.cwd ?? process.cwd(), opts.chain));
    return {
      snapshot,
      origin: 'file',
      warnings: [`chain data from ${opts.chain}: ${describeSnapshotAge(snapshot, now)}`, ...snapshot.warnings],
    };
  }
  const fallback = await loadDefaultSnapshot();
  if (opts.offline) return { snapshot: fallback, origin: 'default', warnings: [defaultSnapshotWarning(fallback, now)] };
  const endpoint = resolveChainEndpoint(opts.network, opts.genesis);
  const fallbackAllowed = opts.fallback ?? opts.network === undefined;
  let conn;
  try {
    conn = await connectChain({
      endpoint,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      fallbackNote: fallbackAllowed
        ? `would fall back to the shipped snapshot (${describeSnapshotAge(fallback, now)})`
        : `--network ${opts.network} was named, so minerbench does not fall back to the shipped snapshot (${describeSnapshotAge(fallback, now)}); check the endpoint, or pass --fallback-snapshot or --offline to use it`,
    });
  } catch (e) {
    if (fallbackAllowed && e instanceof MinerbenchError && e.code === 'CHAIN_UNREACHABLE') {
      return {
        snapshot: fallback,
        origin: 'default',
        warnings: [e.message, defaultSnapshotWarning(fallback, now)],
      };
    }
    throw e;
  }
  try {
    const snapshot = await readChainSnapshot(conn, {
      ...(opts.block !== undefined ? { block: opts.block } : {}),
      ...(opts.netuids ? { netuids: opts.netuids } : {}),
      ...(opts.method ? { method: opts.method } : {}),
      ...(opts.preferLight ? { preferLight: true } : {}),
    });
    return { snapshot, origin: 'chain', warnings: snapshot.warnings };
  } finally {
    await conn.disconnect();
  }
}
