// ChainSnapshot schema (version 2): the dated, versioned JSON of on-chain subnet state that economics are computed from.
import { z } from 'zod';

export const CHAIN_SNAPSHOT_SCHEMA_VERSION = 2;
export const CHAIN_SNAPSHOT_KIND = 'minerbench.chain-snapshot';

/** Rao amounts are decimal strings (u64 values exceed 2^53). */
export const raoSchema = z.string().regex(/^\d+$/, 'a non-negative integer amount in rao, as a decimal string');
const rao = raoSchema;
const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);

/** Per-UID vectors, index = UID. incentive and dividends are raw u16 (/65535); emission is alpha rao in the last epoch. */
export const uidVectorsSchema = z.strictObject({
  hotkeys: z.array(z.string()),
  coldkeys: z.array(z.string()),
  incentive: z.array(z.number().int().min(0).max(65535)),
  dividends: z.array(z.number().int().min(0).max(65535)),
  emissionRao: z.array(rao),
  validatorPermit: z.array(z.boolean()),
  active: z.array(z.boolean()),
});

/** The per-UID vectors at one block of a window. */
export const uidSampleSchema = z.strictObject({
  block: count,
  hash: z.string(),
  time: z.string().nullable(),
  uids: uidVectorsSchema,
});

/** Per-UID state at several blocks across a window (`chain snapshot --window 7d`), newest first. */
export const uidWindowSchema = z.strictObject({
  requestedDays: z.number().positive(),
  /** Sample blocks that were asked for, newest first. */
  requestedBlocks: z.array(count),
  samples: z.array(uidSampleSchema),
  /** Sample blocks that gave no per-UID data, and why (the subnet did not exist yet, the runtime lacks the API...). */
  missing: z.array(z.strictObject({ block: count, reason: z.string() })),
  /** True when some requested blocks are missing: the figures cover less than the window asked for. */
  partial: z.boolean(),
});

/** A price of the subnet's alpha at an earlier block, for the trend. */
export const pricePointSchema = z.strictObject({
  block: count,
  time: z.string().nullable(),
  taoPerAlpha: z.number().min(0),
  /** spot: pool reserves or the swap; moving: the SubnetMovingPrice EMA. */
  kind: z.enum(['spot', 'moving']),
  source: z.string(),
});

export const subnetSnapshotSchema = z.strictObject({
  netuid: count,
  name: z.string(),
  symbol: z.string(),
  tempo: count,
  lastStep: count.nullable(),
  blocksSinceLastStep: count.nullable(),
  numUids: count,
  maxUids: count.nullable(),
  /** UIDs without / with a validator permit; null when the source does not say. */
  counts: z.strictObject({ miners: count.nullable(), validators: count.nullable(), maxValidators: count.nullable() }),
  registrationAllowed: z.boolean().nullable(),
  /** Registration cost now (SubtensorModule.Burn), rao; continuous since 2026 (decays, rises per registration). */
  burnRao: rao,
  immunityPeriod: count.nullable(),
  registeredAtBlock: count.nullable(),
  ownerHotkey: z.string().nullable(),
  ownerColdkey: z.string().nullable(),
  pool: z.strictObject({ taoInRao: rao, alphaInRao: rao, alphaOutRao: rao }).nullable(),
  /**
   * Minted this block: alpha_out to participants, alpha_in and tao_in to the pool, and excess TAO spent on chain buys
   * (SubnetExcessTao). TAO into the subnet per block = taoInRao + excessTaoRao. null: not read on this runtime/path.
   */
  perBlock: z.strictObject({
    alphaOutRao: rao.nullable(),
    alphaInRao: rao.nullable(),
    taoInRao: rao.nullable(),
    excessTaoRao: rao.nullable(),
  }),
  pendingAlphaRao: rao.nullable(),
  /** SubnetMovingPrice (EMA of the price), TAO per alpha. */
  movingPrice: z.number().nullable(),
  price: z.strictObject({
    /** Spot price; null when neither the swap nor the pool reserves give one. */
    taoPerAlpha: z.number().min(0).nullable(),
    source: z.enum(['swap-runtime-api', 'alpha-sqrt-price', 'pool-reserves', 'stable', 'unavailable']),
  }),
  /** The 2025-2026 emission state of the subnet; null fields were not readable on this runtime. */
  emission: z.strictObject({
    /** SubtensorModule.SubnetEmissionEnabled: false = flow-based emission gives the pool no TAO. */
    enabled: z.boolean().nullable(),
    /** SubtensorModule.MinerBurned: fraction of the last tempo's miner incentive withheld (owner hotkeys). */
    minerBurnedFraction: fraction.nullable(),
    /** SubtensorModule.FirstEmissionBlockNumber; null when not set or not read (see firstEmissionKnown). */
    firstEmissionBlock: count.nullable(),
    firstEmissionKnown: z.boolean(),
    subtokenEnabled: z.boolean().nullable(),
  }),
  /**
   * Incentive mechanisms (MechanismCountCurrent) and the owner-set split (MechanismEmissionSplit, u16 parts summing to
   * 65535; null = not set, an even split). splitKnown false: the source gave the count only.
   */
  mechanisms: z
    .strictObject({
      count: z.number().int().min(1),
      emissionSplit: z.array(count).nullable(),
      splitKnown: z.boolean(),
    })
    .nullable(),
  /** Per-UID vectors at the snapshot block; null when the source has none (the offline 2026 capture). */
  uids: uidVectorsSchema.nullable(),
  /** Per-UID vectors across a window of days; null without --window. */
  window: uidWindowSchema.nullable(),
  /** Earlier prices for the trend, oldest first; empty when the snapshot has no history. */
  priceHistory: z.array(pricePointSchema),
});

export const chainSnapshotSchema = z.strictObject({
  kind: z.literal(CHAIN_SNAPSHOT_KIND),
  schemaVersion: z.literal(CHAIN_SNAPSHOT_SCHEMA_VERSION),
  createdAt: z.string(),
  source: z.strictObject({
    endpoint: z.string(),
    network: z.string(),
    /** How subnet data was read; converted = figures of another tool's chain capture, converted by a script. */
    method: z.enum(['runtime-api', 'subnet-info', 'storage', 'converted']),
    requests: count.nullable(),
    roundTrips: count.nullable(),
    elapsedMs: z.number().min(0).nullable(),
    note: z.string().optional(),
  }),
  chain: z.strictObject({
    name: z.string(),
    genesisHash: z.string(),
    specName: z.string(),
    /** null when the source did not record the runtime version. */
    specVersion: z.number().int().nullable(),
  }),
  block: z.strictObject({
    number: count,
    hash: z.string(),
    /** ISO time of the block; null when it could not be read. */
    time: z.string().nullable(),
    timeSource: z.enum(['aura-slot', 'timestamp-pallet', 'capture-time']).nullable(),
  }),
  /** How long a block takes on this chain, read from it (Aura.SlotDuration, or timestamps of two blocks). */
  blockTiming: z
    .strictObject({
      ms: z.number().positive(),
      source: z.enum(['aura-slot-duration', 'block-timestamps']),
      note: z.string().optional(),
    })
    .nullable(),
  /** TAO minted per block (BlockEmission; halves with issuance); null when unread. */
  blockEmissionRao: rao.nullable(),
  totalIssuanceRao: rao.nullable(),
  subnetOwnerCut: z.number().int().min(0).max(65535).nullable(),
  /** Where the two globals above came from when not a plain storage read at this block (e.g. a runtime default). */
  globalsNote: z.string().optional(),
  subnets: z.array(subnetSnapshotSchema),
  warnings: z.array(z.string()),
});

export type UidVectors = z.infer<typeof uidVectorsSchema>;
export type UidSample = z.infer<typeof uidSampleSchema>;
export type UidWindow = z.infer<typeof uidWindowSchema>;
export type PricePoint = z.infer<typeof pricePointSchema>;
export type SubnetSnapshot = z.infer<typeof subnetSnapshotSchema>;
export type ChainSnapshot = z.infer<typeof chainSnapshotSchema>;

/** The emission state of a subnet when the source could not read it (an older runtime, a version-1 snapshot). */
export function unknownEmission(): SubnetSnapshot['emission'] {
  return {
    enabled: null,
    minerBurnedFraction: null,
    firstEmissionBlock: null,
    firstEmissionKnown: false,
    subtokenEnabled: null,
  };
}
