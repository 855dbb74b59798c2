// readChainSnapshot: reads a full ChainSnapshot at the latest or a given block over an open connection.
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { MinerbenchError } from '../errors.ts';
import {
  CHAIN_SNAPSHOT_KIND,
  CHAIN_SNAPSHOT_SCHEMA_VERSION,
  type ChainSnapshot,
} from '../model/chain-snapshot-schema.ts';
import type { ChainConnection } from './connect-chain.ts';
import { isStateGone, resolveBlock, stateGone } from './resolve-block.ts';
import { readSubnetsViaRuntimeApi, runtimeApiSupport } from './read-subnets-runtime-api.ts';
import { readSubnetsViaStorage } from './read-subnets-storage.ts';
import {} from '../model/min-max.ts';

export interface ReadChainSnapshotOptions {
  /** Block number; latest when absent. */
  block?: number;
  /** Subnets to read; all (except root) when absent. */
  netuids?: number[];
  /** Requests in flight at once for per-subnet calls. */
  concurrency?: number;
  /** Force the storage path (for comparison and for runtimes without the APIs). */
  method?: 'runtime-api' | 'storage';
  now?: () => Date;
}

async function readGlobal(apiAt: ApiDecoration<'promise'>, item: string, warnings: string[]): Promise<Codec | null> {
  const q = (apiAt.query as unknown as Record<string, Record<string, (() => Promise<Codec>) | undefined>>)
    .subtensorModule?.[item];
  if (!q) {
    warnings.push(`SubtensorModule.${item} does not exist in this runtime`);
    return null;
  }
  try {
    return await q();
  } catch (e) {
    warnings.push(`SubtensorModule.${item} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

export async function readChainSnapshot(
  conn: ChainConnection,
  opts: ReadChainSnapshotOptions = {},
): Promise<ChainSnapshot> {
  const now = opts.now ?? (() => new Date());
  const started = performance.now();
  conn.provider.resetCounts();
  const block = await resolveBlock(conn.api, conn.endpoint.url, opts.block);
  const support = runtimeApiSupport(block.apiAt);
  const method =
    opts.method ??
    (support.allDynamicInfo && (support.selectiveMetagraph || support.metagraph) ? 'runtime-api' : 'storage');
  const warnings: string[] = [];
  const readOpts = {
    block: block.number,
    ...(opts.netuids ? { netuids: opts.netuids } : {}),
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
  };
  try {
    const [subnetPart, emission, ownerCut] = await Promise.all([
      method === 'runtime-api'
        ? readSubnetsViaRuntimeApi(block.apiAt, readOpts)
        : readSubnetsViaStorage(block.apiAt, readOpts),
      readGlobal(block.apiAt, 'blockEmission', warnings),
      readGlobal(block.apiAt, 'subnetOwnerCut', warnings),
    ]);
    for (const w of subnetPart.warnings) warnings.push(w);
    if (block.time === null) warnings.push('the block header carries no Aura slot: block time unknown');
    return {
      kind: CHAIN_SNAPSHOT_KIND,
      schemaVersion: CHAIN_SNAPSHOT_SCHEMA_VERSION,
      createdAt: now().toISOString(),
      source: {
        endpoint: conn.endpoint.url,
        network: conn.endpoint.network,
        method,
        requests: conn.provider.counts.requests,
        roundTrips: conn.provider.counts.roundTrips,
        elapsedMs: Math.round(performance.now() - started),
      },
      chain: {
        name: conn.identity.chainName,
        genesisHash: conn.identity.genesisHash,
        specName: conn.identity.specName,
        specVersion: block.apiAt.runtimeVersion.specVersion.toNumber(),
      },
      block: { number: block.number, hash: block.hash, time: block.time, timeSource: block.timeSource },
      blockEmissionRao: emission ? BigInt(emission.toString()).toString() : null,
      subnetOwnerCut: ownerCut ? Number(ownerCut.toString()) : null,
      subnets: subnetPart.subnets,
      warnings,
    };
  } catch (e) {
    if (e instanceof MinerbenchError) throw e;
    if (isStateGone(e)) throw stateGone(block.number, conn.endpoint.url, e);
    throw new MinerbenchError(
      'CHAIN_DATA_MISSING',
      `reading subnets at block ${block.number} failed: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
}
