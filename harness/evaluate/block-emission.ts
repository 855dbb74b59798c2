// blockEmissionFromIssuance (pure): TAO minted per block from total issuance by Subtensor's halving rule.

/** 21 M TAO in rao (TotalSupply); the first halving comes at half of it. */
export const TOTAL_SUPPLY_RAO = 21_000_000n * 1_000_000_000n;

/**
 * block_emission = 1e9 rao / 2^floor(log2(1 / (1 - issuance / (2 x 10.5e15)))), and 0 once issuance reaches 21e15
 * (opentensor/subtensor pallets/subtensor/src/coinbase/block_emission.rs; bittensor.md §4.5 item 1). Issuance, not
 * height, triggers a halving: 1 TAO per block below 10.5 M TAO issued, 0.5 TAO up to 15.75 M, and so on.
 */
export function blockEmissionFromIssuance(issuanceRao: bigint): bigint {
  if (issuanceRao >= TOTAL_SUPPLY_RAO) return 0n;
  const ratio = Number(issuanceRao) / Number(TOTAL_SUPPLY_RAO);
  const halvings = Math.floor(Math.log2(1 / (1 - ratio)));
  return 1_000_000_000n / 2n ** BigInt(Math.max(0, halvings));
}
