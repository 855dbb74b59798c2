// readChainSnapshot: reads a full ChainSnapshot at the latest or a given block over an open connection.
import { MinerbenchError } from '../errors.ts';
import {
  CHAIN_SNAPSHOT_KIND,
  CHAIN_SNAPSHOT_SCHEMA_VERSION,
  type ChainSnapshot,
  type SubnetSnapshot,
} from '../model/chain-snapshot-schema.ts';
import { applyEconomics } from './apply-economics.ts';
import { readBlockTiming } from './block-timing.ts';
import type { ChainConnection } from './connect-chain.ts';
import { economicsLayoutCheck, readEconomicsStorage, type EconomicsValues } from './read-economics-storage.ts';
import { isStateGone, resolveBlock, stateGone, type ResolvedBlock } from './resolve-block.ts';
import { hasSubnetInfoApi, readSubnetsViaSubnetInfo } from './read-subnets-info.ts';
import { readSubnetsViaRuntimeApi, runtimeApiSupport } from './read-subnets-runtime-api.ts';
import { readSubnetsViaStorage } from './read-subnets-storage.ts';
import { readUidWindow, type UidWindowOptions } from './read-uid-window.ts';

export type ReadMethod = 'runtime-api' | 'subnet-info' | 'storage';

export interface ReadChainSnapshotOptions {
  /** Block number; latest when absent. */
  block?: number;
  /** Subnets to read; all (except root) when absent. */
  netuids?: number[];
  /** Requests in flight at once for per-subnet calls. */
  concurrency?: number;
  /**
   * How subnets are read: runtime-api (every subnet with its per-UID data), subnet-info (one call for every subnet's
   * scalars and one paged read of prices: no per-UID data) or storage (runtimes without the APIs). Default: runtime-api
   * when the runtime has it, else storage.
   */
  method?: ReadMethod;
  /** Use subnet-info when the runtime has it, else the default (the strategist's table needs no per-UID data). */
  preferLight?: boolean;
  /** Also read per-UID data at several blocks across this many days before the snapshot block (runtime-api only). */
  window?: UidWindowOptions;
  now?: () => Date;
}

function pickMethod(block: ResolvedBlock, asked: ReadMethod | undefined, preferLight: boolean): ReadMethod {
  if (asked) return asked;
  if (preferLight && hasSubnetInfoApi(block.apiAt)) return 'subnet-info';
  const support = runtimeApiSupport(block.apiAt);
  if (support.allDynamicInfo && (support.selectiveMetagraph || support.metagraph)) return 'runtime-api';
  return hasSubnetInfoApi(block.apiAt) ? 'subnet-info' : 'storage';
}

async function readSubnets(method: ReadMethod, block: ResolvedBlock, opts: ReadChainSnapshotOptions) {
  const readOpts = {
    block: block.number,
    ...(opts.netuids ? { netuids: opts.netuids } : {}),
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
  };
  if (method === 'runtime-api') return readSubnetsViaRuntimeApi(block.apiAt, readOpts);
  if (method === 'subnet-info') return readSubnetsViaSubnetInfo(block.apiAt, readOpts);
  return readSubnetsViaStorage(block.apiAt, readOpts);
}

/** The 2026 economics items the runtime has, in one batched read; items it lacks are named once in a warning. */
async function readEconomics(
  conn: ChainConnection,
  block: ResolvedBlock,
  netuids: number[],
  warnings: string[],
): Promise<EconomicsValues> {
  const layout = economicsLayoutCheck(block.apiAt);
  const spec = block.apiAt.runtimeVersion.specVersion.toNumber();
  if (layout.absent.length)
    warnings.push(
      `this runtime (spec ${spec}) has no ${layout.absent.map((i) => `SubtensorModule.${i}`).join(', ')}: unknown here (they arrived in later runtimes)`,
    );
  const values = await readEconomicsStorage((m, p) => conn.provider.send(m, p), block.hash, netuids, layout.items);
  for (const f of values.failures)
    warnings.push(
      `${f.items.join(', ')} could not be read: ${f.error.length > 200 ? `${f.error.slice(0, 200)}…` : f.error}`,
    );
  return values;
}

export async function readChainSnapshot(
  conn: ChainConnection,
  opts: ReadChainSnapshotOptions = {},
): Promise<ChainSnapshot> {
  const now = opts.now ?? (() => new Date());
  const started = performance.now();
  conn.provider.resetCounts();
  const block = await resolveBlock(conn.api, conn.endpoint.url, opts.block);
  const method = pickMethod(block, opts.method, opts.preferLight ?? false);
  if (opts.window && method === 'subnet-info')
    throw new MinerbenchError('USAGE', '--window needs per-UID data: it cannot be read with --method subnet-info', {
      hint: 'leave --method out (runtime-api) or use --method storage',
    });
  const warnings: string[] = [];
  try {
    const [subnetPart, timing] = await Promise.all([
      readSubnets(method, block, opts),
      readBlockTiming(conn.api, block.apiAt, block.number),
    ]);
    const economics = await readEconomics(
      conn,
      block,
      subnetPart.subnets.map((s) => s.netuid),
      warnings,
    );
    for (const w of subnetPart.warnings) warnings.push(w);
    if (block.time === null) warnings.push('the block header carries no Aura slot: block time unknown');
    if (timing === null) warnings.push('this runtime has no Aura.SlotDuration and no Timestamp: block time unknown');
    let subnets: SubnetSnapshot[] = subnetPart.subnets.map((s) => applyEconomics(s, economics.subnets.get(s.netuid)));
    if (opts.window) {
      if (!timing)
        throw new MinerbenchError(
          'CHAIN_DATA_MISSING',
          'the block time is unknown on this chain: no window can be placed',
          {
            hint: 'read without --window',
          },
        );
      const windows = await readUidWindow(conn, block, subnets, timing, opts.window);
      subnets = subnets.map((s) => ({ ...s, window: windows.get(s.netuid) ?? null }));
      const partial = subnets.filter((s) => s.window?.partial).map((s) => s.netuid);
      if (partial.length)
        warnings.push(
          `PARTIAL window for netuid ${partial.join(', ')}: some of the ${opts.window.days}-day window's sample blocks gave no per-UID data (see each subnet's window.missing)`,
        );
    }
    const g = economics.globals;
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
      blockTiming: timing,
      blockEmissionRao: typeof g.blockEmission === 'bigint' ? g.blockEmission.toString() : null,
      totalIssuanceRao: typeof g.totalIssuance === 'bigint' ? g.totalIssuance.toString() : null,
      subnetOwnerCut: typeof g.subnetOwnerCut === 'number' ? g.subnetOwnerCut : null,
      subnets,
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
