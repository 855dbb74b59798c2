// SubnetEconomics: what one subnet pays its miners per day after burns, as read from a chain snapshot (the network side
// of every incentive law). Produced by evaluate/subnet-economics.ts; embedded in results and the strategist's table.
import { z } from 'zod';

export const subnetEconomicsSchema = z.strictObject({
  netuid: z.number().int().min(0),
  name: z.string(),
  symbol: z.string(),
  /** The snapshot the figures come from. */
  block: z.number().int().min(0),
  blockTime: z.string().nullable(),
  /** e.g. "shipped snapshot of finney block 8,791,253 (2026-08-07, 110 days old)". */
  source: z.string(),
  /** Seconds per block on this chain (12 on finney; read from the chain, not assumed). */
  blockSeconds: z.number().positive(),
  blocksPerDay: z.number().positive(),
  /** false: flow-based emission gives this subnet nothing now; null: the snapshot cannot say. */
  emissionEnabled: z.boolean().nullable(),
  /** Fraction of miner incentive routed to the owner hotkey (SubtensorModule.MinerBurned); null: unknown. */
  minerBurnedFraction: z.number().min(0).max(1).nullable(),
  /** Owner cut of the subnet's alpha emission (SubnetOwnerCut / 65535); null: unknown. */
  ownerCut: z.number().min(0).max(1).nullable(),
  /**
   * Alpha per day paid to miners after every burn the chain shows (MinerBurned, owner-owned UIDs, emission off).
   * Laws that burn more on their own (grail's 90 %, Lium's burn UIDs) apply that on top and say so.
   */
  minerPool: z.strictObject({
    alphaPerDay: z.number().min(0).nullable(),
    taoPerDay: z.number().min(0).nullable(),
    /** How the pool was derived, in words (from per-UID incentive, or from alpha_out emission x miner share). */
    basis: z.string(),
  }),
  /** TAO per alpha used for the pool's TAO value, and where it came from. */
  taoPerAlpha: z.number().min(0).nullable(),
  priceSource: z.string(),
  registrationBurnTao: z.number().min(0).nullable(),
  tempo: z.number().int().min(0),
  /** From per-UID data, when the snapshot has it (live chain): miners paid now and each one's alpha per day, best first. */
  perUid: z
    .strictObject({
      payingMiners: z.number().int().min(0),
      perMinerAlphaPerDay: z.array(z.number().min(0)),
    })
    .nullable(),
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
});

export type SubnetEconomics = z.infer<typeof subnetEconomicsSchema>;
