// resolveBlock: turns "latest" or a block number into the block's hash, number and time, and the API pinned at it.
import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration } from '@polkadot/api/types';
import { MinerbenchError } from '../errors.ts';
import { blockTimeFromHeader } from './block-time.ts';

export interface ResolvedBlock {
  number: number;
  hash: string;
  time: string | null;
  timeSource: 'aura-slot' | 'timestamp-pallet' | null;
  apiAt: ApiDecoration<'promise'>;
}

const ZERO_HASH = /^0x0{64}$/;

function isStateGone(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /State already discarded|unknown Block|UnknownBlock/i.test(m);
}

/** block: a number, or undefined for the chain's latest block. */
export async function resolveBlock(api: ApiPromise, endpointUrl: string, block?: number): Promise<ResolvedBlock> {
  try {
    return await resolve(api, endpointUrl, block);
  } catch (e) {
    if (isStateGone(e)) throw stateGone(block ?? -1, endpointUrl, e);
    throw e;
  }
}

async function resolve(api: ApiPromise, endpointUrl: string, block?: number): Promise<ResolvedBlock> {
  const hash = block === undefined ? await api.rpc.chain.getBlockHash() : await api.rpc.chain.getBlockHash(block);
  if (hash.isEmpty || ZERO_HASH.test(hash.toHex())) {
    const head = await api.rpc.chain.getHeader();
    throw new MinerbenchError(
      'CHAIN_DATA_MISSING',
      `block ${block} does not exist on ${endpointUrl} (its head is block ${head.number.toNumber()})`,
      {
        hint: 'pass a --block at or below the head, or leave it out for the latest block',
      },
    );
  }
  const header = await api.rpc.chain.getHeader(hash);
  const apiAt = await api.at(hash);
  const slotMs = api.consts.aura?.slotDuration ? Number(api.consts.aura.slotDuration.toString()) : 12_000;
  const ms = blockTimeFromHeader(header, slotMs);
  return {
    number: header.number.toNumber(),
    hash: hash.toHex(),
    time: ms === null ? null : new Date(ms).toISOString(),
    timeSource: ms === null ? null : 'aura-slot',
    apiAt,
  };
}

export function stateGone(block: number, endpointUrl: string, cause: unknown): MinerbenchError {
  return new MinerbenchError(
    'CHAIN_STATE_PRUNED',
    `${endpointUrl} no longer holds the state of block ${block} (it is not an archive node)`,
    {
      hint: 'use --network archive (wss://archive.chain.opentensor.ai:443) for old blocks, or a recent --block',
      cause,
    },
  );
}

export { isStateGone };
