// subnetPrice: the alpha price in TAO from SwapRuntimeApi.current_alpha_price, falling back to the pool reserves.
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import type { SubnetSnapshot } from '../model/chain-snapshot-schema.ts';
import { fieldOf } from './codec-fields.ts';

type PriceFn = (netuid: number) => Promise<Codec>;

export interface PriceAnswer {
  price: SubnetSnapshot['price'];
  /** Why the preferred source was not used, if it was not. */
  fallbackReason?: string;
}

/** Pool-reserve price tao_in / alpha_in (the SDK's fallback); null when the pool holds no alpha. */
export function poolReservePrice(taoInRao: string, alphaInRao: string): number | null {
  const alpha = BigInt(alphaInRao);
  if (alpha === 0n) return null;
  return Number(BigInt(taoInRao)) / Number(alpha);
}

/** dyn: the subnet's DynamicInfo for the pool-reserve fallback; null when the read has none (no fallback). */
export async function subnetPrice(
  apiAt: ApiDecoration<'promise'>,
  netuid: number,
  dyn: Codec | null,
): Promise<PriceAnswer> {
  if (netuid === 0) return { price: { taoPerAlpha: 1, source: 'stable' } };
  const call = (apiAt.call as unknown as Record<string, Record<string, PriceFn> | undefined>).swapRuntimeApi
    ?.currentAlphaPrice;
  let reason = 'this runtime has no SwapRuntimeApi.current_alpha_price';
  if (call) {
    try {
      const rao = await call(netuid);
      return { price: { taoPerAlpha: Number(BigInt(rao.toString())) / 1e9, source: 'swap-runtime-api' } };
    } catch (e) {
      reason = `SwapRuntimeApi.current_alpha_price failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const taoIn = (dyn && fieldOf(dyn, 'taoIn')?.toString()) ?? '0';
  const alphaIn = (dyn && fieldOf(dyn, 'alphaIn')?.toString()) ?? '0';
  const p = poolReservePrice(taoIn, alphaIn);
  return {
    price: { taoPerAlpha: p, source: p === null ? 'unavailable' : 'pool-reserves' },
    fallbackReason: reason,
  };
}
