// SubnetEconomics: what one subnet pays its miners per day after burns, as read from a chain snapshot (the network side
// of every incentive law). Produced by evaluate/subnet-economics.ts; embedded in results and the strategist's table.
import { z } from 'zod';

const spread = z.strictObject({ p50: z.number().min(0), p90: z.number().min(0), max: z.number().min(0) });

/** The honest per-miner view over a window of per-UID samples (evaluate/operator-figures.ts). */
export const operatorFiguresSchema = z.strictObject({
  samples: z.number().int().min(1),
  fromBlock: z.number().int().min(0),
  toBlock: z.number().int().min(0),
  daysCovered: z.number().min(0),
  requestedDays: z.number().positive().nullable(),
  partial: z.boolean(),
  missing: z.array(z.strictObject({ block: z.number().int().min(0), reason: z.string() })),
  minerUids: z.number().int().min(0),
  earningUids: z.number().int().min(0),
  earningOperators: z.number().int().min(0),
  zeroShare: z.number().min(0).max(1).nullable(),
  perOperatorAlphaPerDay: spread.nullable(),
  perOperatorTaoPerDay: spread.nullable(),
  ownerAlphaPerDay: z.number().min(0),
});

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
  // Added for the strategist's table (optional, so results written before them still parse):
  /** TAO per day entering the subnet's pool (SubnetTaoInEmission + SubnetExcessTao); 0 when emission is off. */
  taoInflowPerDay: z.number().min(0).nullable().optional(),
  /** Miner alpha per day routed to the owner (MinerBurned x the miner share, or owner-owned UIDs' incentive). */
  minerBurnedAlphaPerDay: z.number().min(0).nullable().optional(),
  registrationAllowed: z.boolean().nullable().optional(),
  /** SubnetMovingPrice (EMA), to compare with the spot price. */
  movingPrice: z.number().min(0).nullable().optional(),
  /** Incentive mechanisms and the share of emission each gets (fractions; even when the owner set none). */
  mechanisms: z
    .strictObject({ count: z.number().int().min(1), split: z.array(z.number().min(0)) })
    .nullable()
    .optional(),
  /** Per-operator figures over a window; null without per-UID data (see operatorsNote). */
  operators: operatorFiguresSchema.nullable().optional(),
  operatorsNote: z.string().optional(),
  /** Miner UIDs registered on the subnet (UIDs without a validator permit); null: the snapshot does not say. */
  minerUids: z.number().int().min(0).nullable().optional(),
});

export type SubnetEconomics = z.infer<typeof subnetEconomicsSchema>;
export type OperatorFigures = z.infer<typeof operatorFiguresSchema>;
