// connectChain: opens @polkadot/api on a Subtensor endpoint with a timeout, retries with backoff and a chain identity check.
import { ApiPromise } from '@polkadot/api';
import { MinerbenchError } from '../errors.ts';
import { CountingWsProvider } from './counting-ws-provider.ts';
import type { ChainEndpoint } from './chain-networks.ts';

export interface ConnectChainOptions {
  endpoint: ChainEndpoint;
  /** Per attempt: connect plus metadata download (ms). */
  timeoutMs?: number;
  /** Extra attempts after the first. */
  retries?: number;
  /** First backoff (ms); doubles each retry. */
  backoffMs?: number;
  signal?: AbortSignal;
  /** Appended to an unreachable-endpoint message (e.g. which snapshot would be used instead). */
  fallbackNote?: string;
}

export interface ChainIdentity {
  chainName: string;
  genesisHash: string;
  specName: string;
  specVersion: number;
}

export interface ChainConnection {
  api: ApiPromise;
  provider: CountingWsProvider;
  endpoint: ChainEndpoint;
  identity: ChainIdentity;
  disconnect(): Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

async function attempt(
  endpoint: ChainEndpoint,
  timeoutMs: number,
): Promise<{ api: ApiPromise; provider: CountingWsProvider }> {
  const provider = new CountingWsProvider(endpoint.url, false, {}, timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  let api: ApiPromise | undefined;
  try {
    const failed = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      provider.on('error', (e: unknown) => reject(e instanceof Error ? e : new Error(describeWsError(e))));
      provider.on('disconnected', () => reject(new Error('the connection closed')));
    });
    failed.catch(() => undefined);
    await provider.connect();
    await Promise.race([provider.isReady, failed]);
    api = new ApiPromise({ provider, noInitWarn: true, throwOnConnect: true });
    await Promise.race([api.isReadyOrError, failed]);
    return { api, provider };
  } catch (e) {
    await (api ? api.disconnect() : provider.disconnect()).catch(() => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function describeWsError(e: unknown): string {
  const err = (e as { error?: { message?: string }; message?: string }) ?? {};
  return err.error?.message ?? err.message ?? 'WebSocket error';
}

/** Connects, retrying with exponential backoff; throws CHAIN_UNREACHABLE or CHAIN_MISMATCH. */
export async function connectChain(opts: ConnectChainOptions): Promise<ChainConnection> {
  const { endpoint, timeoutMs = 15_000, retries = 2, backoffMs = 1_000, signal } = opts;
  const failures: string[] = [];
  for (let i = 0; i <= retries; i++) {
    if (signal?.aborted) break;
    try {
      const { api, provider } = await attempt(endpoint, timeoutMs);
      const conn: ChainConnection = {
        api,
        provider,
        endpoint,
        identity: {
          chainName: api.runtimeChain.toString(),
          genesisHash: api.genesisHash.toHex(),
          specName: api.runtimeVersion.specName.toString(),
          specVersion: api.runtimeVersion.specVersion.toNumber(),
        },
        disconnect: () => api.disconnect().catch(() => undefined),
      };
      try {
        checkIdentity(endpoint, conn.identity);
      } catch (e) {
        await conn.disconnect();
        throw e;
      }
      return conn;
    } catch (e) {
      if (e instanceof MinerbenchError) throw e;
      failures.push(`attempt ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
      if (i < retries) await sleep(backoffMs * 2 ** i, signal);
    }
  }
  throw new MinerbenchError(
    'CHAIN_UNREACHABLE',
    `chain endpoint ${endpoint.url} (${endpoint.network}) did not answer after ${failures.length} attempt(s) of ${timeoutMs} ms`,
    {
      hint:
        opts.fallbackNote ??
        'check the network, pass --network test|finney|archive|URL, or run offline with --chain FILE',
      details: failures,
    },
  );
}

/** The endpoint must run the Subtensor runtime, and be the chain asked for when its genesis is known. */
export function checkIdentity(endpoint: ChainEndpoint, id: ChainIdentity): void {
  if (id.specName !== 'node-subtensor') {
    throw new MinerbenchError(
      'CHAIN_MISMATCH',
      `${endpoint.url} runs '${id.specName}' (chain '${id.chainName}'), not the Subtensor runtime 'node-subtensor'`,
      {
        hint: 'point --network at a Bittensor (Subtensor) node',
      },
    );
  }
  if (endpoint.genesisHash && id.genesisHash.toLowerCase() !== endpoint.genesisHash.toLowerCase()) {
    throw new MinerbenchError(
      'CHAIN_MISMATCH',
      `${endpoint.url} is chain '${id.chainName}' with genesis ${id.genesisHash}, but ${endpoint.network} has genesis ${endpoint.genesisHash}`,
      {
        hint: `use the endpoint of ${endpoint.network}, or name the network it belongs to with --network`,
      },
    );
  }
}
