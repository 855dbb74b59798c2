// Recorded-chain server: a real WebSocket JSON-RPC server that answers @polkadot/api from recorded finney traffic.
import { readFileSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import { syntheticRuntimeApi, type SyntheticValues } from '../chain/support/synthetic-runtime-api.ts';
import { syntheticStorage } from '../chain/support/synthetic-storage.ts';
import { sharedFixture } from './shared-fixtures.ts';
import { BLOCK_2026, storage2026, syntheticHash, withoutItems } from './recorded-chain-extras.ts';

export { BLOCK_2026, STORAGE_2026_FILE } from './recorded-chain-extras.ts';

/** The recorded chain traffic, in ../shared/fixtures/chain (never copied into the project). */
const FIXTURES = sharedFixture('chain/');
/** The real finney genesis hash; `chain_getBlockHash(0)` is not in the recordings, so this answer is synthetic. */
export const FINNEY_GENESIS = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';
/** The state depth a non-archive subtensor node keeps (blocks); older state answers "State already discarded". */
const PRUNING_DEPTH = 256;

type Json = unknown;
interface RecordedResponse {
  result?: Json;
  error?: { code: number; message: string };
}
type Recordings = Map<string, RecordedResponse>;

export interface RecordedChainServerOptions {
  /** Which recorded runtime answers: spec 343 (SN1 at block 6,852,690) or spec 393 (blocks 7,959,xxx). */
  spec?: 343 | 393;
  /** false: refuse V15 metadata, as a runtime without runtime APIs would; the client must fall back to storage. */
  runtimeApis?: boolean;
  /** Answer synthetic runtime-API and storage responses encoded from the recorded SN1 values (default true). */
  synthesize?: boolean;
  /** Extra synthetic values the recordings lack (price, block emission); every use is logged as synthetic. */
  syntheticValues?: SyntheticValues;
  /** Pretend to be another chain (for the mismatch check). */
  chainName?: string;
  genesisHash?: string;
  /** true: serve state at any recorded block; false (default): behave like a pruned node. */
  archive?: boolean;
  /** Accept connections but never answer (for connect-timeout tests). */
  silent?: boolean;
  /** Delay every answer by this many ms, as a network round trip would (benchmarks). */
  latencyMs?: number;
  /**
   * Spec 343 only: the recorded seed whose head the server answers at. 'get_all_subnets_info' is finney block
   * 6,521,727 (spec 315, 2025-09-25): every subnet's get_subnets_info_v2 and Swap.AlphaSqrtPrice. No spec-315 metadata
   * was recorded, so the spec-343 metadata is served for it (labelled synthetic).
   */
  seed?: 'metagraph' | 'get_all_subnets_info';
  /**
   * Also answer state_queryStorageAt at block 8,740,402 (2026-07-31) from the recorded raw storage values of 128 subnets
   * in ../shared/fixtures/chain/multi-subnet (MinerBurned, SubnetEmissionEnabled, SubnetExcessTao...).
   */
  storage2026?: boolean;
  /**
   * Answer chain_getBlockHash / chain_getHeader for unrecorded blocks below the head (synthetic hashes and headers, as
   * a node keeps them), so a window of blocks can be asked for: their state is pruned (not archive) or not recorded.
   */
  syntheticHistory?: boolean;
  /**
   * Constructed: the recorded V14 metadata with these SubtensorModule storage items removed, as a runtime that renamed
   * them would be (no recorded runtime lacks them). Only with runtimeApis: false (V14 is what is served then).
   */
  withoutStorageItems?: string[];
}

export interface RecordedRequest {
  method: string;
  params: Json[];
  synthetic: boolean;
  error: boolean;
}

export interface RecordedChainServer {
  url: string;
  port: number;
  /** Every request answered, in order, with whether the answer was synthetic. */
  requests: RecordedRequest[];
  /** Labels of every synthetic answer given (method and why). */
  syntheticAnswers: Set<string>;
  close(): Promise<void>;
}

interface Scenario {
  headHash: string;
  headNumber: number;
  headHeader: Record<string, Json>;
  headVersion: Json;
  v14Hex: string | null;
  v15Hex: string;
}

function loadRecordings(file: string, preferSeeds: string[], only = false): Recordings {
  const data = JSON.parse(readFileSync(FIXTURES + file, 'utf8')) as {
    WEBSOCKET_RESPONSES: Record<string, Record<string, Record<string, unknown>>>;
  };
  const seeds = Object.keys(data.WEBSOCKET_RESPONSES);
  const ordered = only ? preferSeeds : [...preferSeeds, ...seeds.filter((s) => !preferSeeds.includes(s))];
  const map: Recordings = new Map();
  for (const seed of ordered) {
    for (const [method, byParams] of Object.entries(data.WEBSOCKET_RESPONSES[seed] ?? {})) {
      for (const [paramsText, raw] of Object.entries(byParams)) {
        const key = requestKey(method, JSON.parse(paramsText) as Json[]);
        if (map.has(key)) continue;
        const cycle = (raw as { __cycle__?: RecordedResponse[] }).__cycle__;
        map.set(key, cycle ? cycle[0]! : (raw as RecordedResponse));
      }
    }
  }
  return map;
}

/** Normalises params: state_call data with or without 0x, trailing nulls dropped. */
function requestKey(method: string, params: Json[]): string {
  const p = [...params];
  while (p.length && (p[p.length - 1] === null || p[p.length - 1] === undefined)) p.pop();
  if (method === 'state_call' && typeof p[1] === 'string') p[1] = (p[1] as string).replace(/^0x/, '').toLowerCase();
  if (method === 'state_getStorage') method = 'state_getStorageAt';
  return `${method} ${JSON.stringify(p)}`;
}

function scenario(spec: 343 | 393, rec: Recordings): Scenario {
  const headHash = rec.get(requestKey('chain_getHead', []))!.result as string;
  const headHeader = rec.get(requestKey('chain_getHeader', [headHash]))!.result as Record<string, Json>;
  const headVersion = rec.get(requestKey('state_getRuntimeVersion', [headHeader.parentHash as string]))!.result;
  const meta = (p: string) => readFileSync(FIXTURES + p, 'utf8').trim();
  return spec === 343
    ? {
        headHash,
        headHeader,
        headVersion,
        headNumber: Number(headHeader.number),
        v14Hex: meta('bittensor/integration_websocket_metadata.txt'),
        v15Hex: meta('bittensor/integration_websocket_at_version.txt'),
      }
    : {
        headHash,
        headHeader,
        headVersion,
        headNumber: Number(headHeader.number),
        v14Hex: null,
        v15Hex: meta('async-substrate-interface/integration_websocket_at_version.txt'),
      };
}

export async function startRecordedChainServer(opts: RecordedChainServerOptions = {}): Promise<RecordedChainServer> {
  const spec = opts.spec ?? 343;
  const seed = opts.seed ?? 'metagraph';
  const rec =
    spec === 343
      ? loadRecordings('bittensor/integration_websocket_data.json', [seed])
      : loadRecordings('async-substrate-interface/integration_websocket_data.json', ['test_same_events']);
  /** The seed's head runs spec 315: the spec-343 metadata stands in for it. */
  const metadataLabel =
    seed === 'get_all_subnets_info'
      ? 'metadata of spec 343 served for a spec-315 block (no spec-315 metadata recorded)'
      : null;
  const raw2026 = opts.storage2026 ? storage2026() : null;
  const v14Label = opts.withoutStorageItems?.length
    ? `state_getMetadata: the recorded spec-343 metadata without SubtensorModule.${opts.withoutStorageItems.join(', ')} (constructed)`
    : null;
  // Values recorded with state_queryStorageAt / state_getStorageAt at the head (null block), and recorded key listings.
  const atHead = new Map<string, string | null>();
  const keyListings = new Map<string, Set<string>>();
  // Only the scenario's own seed was recorded at its head; other seeds hold other blocks.
  const own = spec === 343 ? loadRecordings('bittensor/integration_websocket_data.json', [seed], true) : new Map();
  for (const [key, value] of own) {
    const q = /^state_queryStorageAt \[(.*)\]$/.exec(key);
    if (q) {
      for (const set of (value.result as { changes: [string, string | null][] }[] | undefined) ?? [])
        for (const [k, v] of set.changes) atHead.set(k, v);
    }
    const g = /^state_getStorageAt \["(0x[0-9a-f]+)"\]$/.exec(key);
    if (g) atHead.set(g[1]!, (value.result as string | null) ?? null);
    const kp = /^state_getKeysPaged \["(0x[0-9a-f]+)"/.exec(key);
    if (kp && Array.isArray(value.result)) {
      const set = keyListings.get(kp[1]!) ?? new Set<string>();
      for (const k of value.result as string[]) set.add(k);
      keyListings.set(kp[1]!, set);
    }
  }
  const sc = scenario(spec, rec);
  if (v14Label && sc.v14Hex) sc.v14Hex = withoutItems(sc.v14Hex, opts.withoutStorageItems!);
  const runtimeApis = opts.runtimeApis ?? true;
  const synthesize = opts.synthesize ?? true;
  const requests: RecordedRequest[] = [];
  const syntheticAnswers = new Set<string>();
  const blockNumbers = new Map<string, number>([[sc.headHash, sc.headNumber]]);
  for (const [key, value] of rec) {
    const m = /^chain_getBlockHash \[(\d+)\]$/.exec(key);
    if (m && typeof value.result === 'string') blockNumbers.set(value.result, Number(m[1]));
    const h = /^chain_getHeader \["(0x[0-9a-f]+)"\]$/.exec(key);
    const header = value.result as { number?: string; parentHash?: string } | undefined;
    if (h && header?.number) {
      blockNumbers.set(h[1]!, Number(header.number));
      if (header.parentHash) blockNumbers.set(header.parentHash, Number(header.number) - 1);
    }
  }
  const runtimeApi = synthesize
    ? syntheticRuntimeApi(spec, sc.v15Hex, sc.headNumber, opts.syntheticValues ?? {})
    : null;
  const storage =
    synthesize && !runtimeApis && sc.v14Hex ? syntheticStorage(sc.v14Hex, opts.syntheticValues ?? {}) : null;
  let subscription = 0;

  /** Unrecorded blocks below the head: a hash and a header (synthetic), and pruned or unrecorded state. */
  const syntheticNumbers = new Map<string, number>();
  const history = (method: string, params: Json[]): { body: RecordedResponse; synthetic: string } | undefined => {
    if (method === 'chain_getBlockHash' && typeof params[0] === 'number' && params[0] < sc.headNumber) {
      if (rec.has(requestKey(method, params))) return undefined;
      const hash = syntheticHash(params[0]);
      syntheticNumbers.set(hash, params[0]);
      blockNumbers.set(hash, params[0]);
      return { body: { result: hash }, synthetic: 'chain_getBlockHash(n): hash of an unrecorded block' };
    }
    const n = typeof params[0] === 'string' ? syntheticNumbers.get(params[0]) : undefined;
    if (method === 'chain_getHeader' && n !== undefined) {
      syntheticNumbers.set(syntheticHash(n - 1), n - 1);
      blockNumbers.set(syntheticHash(n - 1), n - 1);
      return {
        body: {
          result: {
            parentHash: syntheticHash(n - 1),
            number: `0x${n.toString(16)}`,
            stateRoot: syntheticHash(0),
            extrinsicsRoot: syntheticHash(0),
            digest: { logs: [] },
          },
        },
        synthetic: 'chain_getHeader: header of an unrecorded block',
      };
    }
    return undefined;
  };

  const answer = (
    method: string,
    params: Json[],
  ): { body: RecordedResponse; synthetic: string | null; push?: Json } => {
    const synthetic = (label: string, result: Json, push?: Json) => ({ body: { result }, synthetic: label, push });
    const at = blockParam(method, params);
    if (at && !(opts.archive ?? false)) {
      const n = blockNumbers.get(at);
      if (n !== undefined && n < sc.headNumber - PRUNING_DEPTH) {
        // The message is the one a pruned finney node gave (recorded in the retry_archive seed).
        return {
          body: {
            error: {
              code: 4003,
              message: `Client error: Api called for an unknown Block: State already discarded for ${at}`,
            },
          },
          synthetic: null,
        };
      }
    }
    if (method === 'system_chain' && opts.chainName)
      return synthetic('system_chain: overridden chain name', opts.chainName);
    if (method === 'chain_getBlockHash' && (params[0] === 0 || params[0] === '0x0')) {
      return synthetic('chain_getBlockHash(0): genesis hash not recorded', opts.genesisHash ?? FINNEY_GENESIS);
    }
    if (method === 'system_properties') {
      return synthetic('system_properties: not recorded (SS58 42 from metadata, 9 decimals)', {
        ss58Format: 42,
        tokenDecimals: [9],
        tokenSymbol: ['TAO'],
      });
    }
    if (raw2026 && method === 'state_queryStorageAt' && params[1] === BLOCK_2026.hash) {
      const keys = params[0] as string[];
      if (keys.every((k) => raw2026.prefixes.some((p) => k.startsWith(p)))) {
        const absent = keys.filter((k) => !raw2026.values.has(k)).length;
        const result = [{ block: BLOCK_2026.hash, changes: keys.map((k) => [k, raw2026.values.get(k) ?? null]) }];
        return absent
          ? synthetic(
              `state_queryStorageAt at block 8,740,402: ${absent} key(s) absent from the recording answered as no value (the capture lists stored keys only)`,
              result,
            )
          : { body: { result }, synthetic: null };
      }
    }
    if (opts.syntheticHistory) {
      const made = history(method, params);
      if (made) return made;
    }
    if (v14Label && method === 'state_getMetadata') return synthetic(v14Label, sc.v14Hex);
    if (
      metadataLabel &&
      (method === 'state_getMetadata' || (method === 'state_call' && params[0] === 'Metadata_metadata_at_version'))
    )
      return synthetic(metadataLabel, method === 'state_getMetadata' ? sc.v14Hex : sc.v15Hex);
    const recorded =
      rec.get(requestKey(method, params)) ??
      (params.includes(sc.headHash)
        ? rec.get(
            requestKey(
              method,
              params.map((p) => (p === sc.headHash ? null : p)),
            ),
          )
        : undefined);
    if (recorded) return { body: recorded, synthetic: null };
    if (method === 'state_queryStorageAt' && (params[1] === sc.headHash || params[1] == null)) {
      const keys = params[0] as string[];
      if (keys.length && keys.every((k) => atHead.has(k)))
        return synthetic(`state_queryStorageAt: ${keys.length} recorded values at the head, re-batched`, [
          { block: sc.headHash, changes: keys.map((k) => [k, atHead.get(k)]) },
        ]);
    }
    if (method === 'state_getKeysPaged' && (params[3] === sc.headHash || params[3] == null)) {
      const [prefix, count, start] = params as [string, number, string | null];
      const listing = keyListings.get(prefix);
      if (listing)
        return synthetic(`state_getKeysPaged: the recorded key listing of ${prefix.slice(0, 18)}…, re-paged`, [
          ...[...listing]
            .filter((k) => !start || k > start)
            .sort()
            .slice(0, count),
        ]);
    }
    const head = params[0] === undefined || params[0] === null;
    switch (method) {
      case 'system_chain':
        return synthetic(
          'system_chain: "Bittensor" as recorded in the spec-343 traffic of the same chain',
          'Bittensor',
        );
      case 'chain_getHead':
      case 'chain_getFinalizedHead':
        return synthetic(`${method}: recorded head`, sc.headHash);
      case 'chain_getBlockHash':
        if (head) return synthetic('chain_getBlockHash(): recorded head', sc.headHash);
        if (typeof params[0] === 'number' && params[0] > sc.headNumber)
          return synthetic('chain_getBlockHash(n > head): null, as a node answers', null);
        break;
      case 'chain_getHeader':
        if (head || params[0] === sc.headHash) return synthetic('chain_getHeader: recorded head', sc.headHeader);
        break;
      case 'state_getRuntimeVersion':
        if (head || params[0] === sc.headHash)
          return synthetic('state_getRuntimeVersion: the recorded parent version', sc.headVersion);
        break;
      case 'state_subscribeRuntimeVersion':
        return synthetic('state_subscribeRuntimeVersion: recorded version', `rv${++subscription}`, {
          method: 'state_runtimeVersion',
          result: sc.headVersion,
        });
      case 'chain_subscribeNewHeads':
      case 'chain_subscribeFinalizedHeads':
      case 'chain_subscribeAllHeads':
        return synthetic(`${method}: recorded head`, `hd${++subscription}`, {
          method: NOTIFICATION[method],
          result: sc.headHeader,
        });
      case 'state_unsubscribeRuntimeVersion':
      case 'chain_unsubscribeNewHeads':
      case 'chain_unsubscribeFinalizedHeads':
      case 'chain_unsubscribeAllHeads':
        return synthetic(`${method}`, true);
      case 'state_getMetadata':
        if (sc.v14Hex) return { body: { result: sc.v14Hex }, synthetic: null };
        break;
      case 'state_call': {
        const [fn, data] = params as [string, string];
        if (fn === 'Metadata_metadata_versions') {
          return runtimeApis
            ? synthetic('Metadata_metadata_versions: [14, 15]', '0x080e0000000f000000')
            : notFound(method, params);
        }
        if (fn === 'Metadata_metadata_at_version') {
          return runtimeApis ? { body: { result: sc.v15Hex }, synthetic: null } : notFound(method, params);
        }
        const made = runtimeApis ? runtimeApi?.(fn, data, params[2] as string | undefined, sc.headHash) : undefined;
        if (made) return synthetic(`state_call ${fn}: ${made.label}`, made.result);
        break;
      }
      case 'state_getStorage':
      case 'state_getStorageAt':
      case 'state_queryStorageAt':
      case 'state_getKeysPaged':
      case 'state_getKeys': {
        const made = storage?.(method, params, sc.headHash);
        if (made) return synthetic(`${method}: ${made.label}`, made.result);
        break;
      }
    }
    return notFound(method, params);
  };

  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 64 * 1024 * 1024 });
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (raw) => {
      if (opts.silent) return;
      const msg = JSON.parse(raw.toString()) as { id: number; method: string; params?: Json[] };
      const params = msg.params ?? [];
      const a = answer(msg.method, params);
      requests.push({ method: msg.method, params, synthetic: a.synthetic !== null, error: a.body.error !== undefined });
      if (a.synthetic) syntheticAnswers.add(a.synthetic);
      const reply = a.body.error
        ? { jsonrpc: '2.0', id: msg.id, error: a.body.error }
        : { jsonrpc: '2.0', id: msg.id, result: a.body.result };
      const send = () => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      };
      if (opts.latencyMs) setTimeout(send, opts.latencyMs);
      else send();
      if (a.push) {
        const push = a.push as { method: string; result: Json };
        setTimeout(() => {
          if (ws.readyState === ws.OPEN) {
            ws.send(
              JSON.stringify({
                jsonrpc: '2.0',
                method: push.method,
                params: { subscription: a.body.result, result: push.result },
              }),
            );
          }
        }, opts.latencyMs ?? 0);
      }
    });
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    requests,
    syntheticAnswers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

const NOTIFICATION: Record<string, string> = {
  chain_subscribeNewHeads: 'chain_newHead',
  chain_subscribeFinalizedHeads: 'chain_finalizedHead',
  chain_subscribeAllHeads: 'chain_allHead',
};

function notFound(method: string, params: Json[]): { body: RecordedResponse; synthetic: null } {
  return {
    body: {
      error: {
        code: -32099,
        message: `recorded-chain-server: no recording for ${method} ${JSON.stringify(params).slice(0, 160)}`,
      },
    },
    synthetic: null,
  };
}

/** The block hash a state request is made at, if any. */
function blockParam(method: string, params: Json[]): string | null {
  const idx: Record<string, number> = {
    state_call: 2,
    state_getStorage: 1,
    state_getStorageAt: 1,
    state_queryStorageAt: 1,
    state_getKeysPaged: 3,
    state_getRuntimeVersion: 0,
    state_getMetadata: 0,
  };
  const i = idx[method];
  const v = i === undefined ? undefined : params[i];
  return typeof v === 'string' ? v : null;
}
