// ChainSnapshot schema version 1 (before 2026 economics): kept only to read old snapshot files and migrate them to v2.
import { z } from 'zod';
import { CHAIN_SNAPSHOT_KIND } from './chain-snapshot-schema.ts';

/** Rao amounts are decimal strings (u64 values exceed 2^53). */
const rao = z.string().regex(/^\d+$/, 'a non-negative integer amount in rao, as a decimal string');

export const subnetSnapshotV1Schema = z.strictObject({
  netuid: z.number().int().min(0),
  name: z.string(),
  symbol: z.string(),
  tempo: z.number().int().min(0),
  lastStep: z.number().int().min(0).nullable(),
  blocksSinceLastStep: z.number().int().min(0).nullable(),
  numUids: z.number().int().min(0),
  maxUids: z.number().int().min(0).nullable(),
  registrationAllowed: z.boolean().nullable(),
  burnRao: rao,
  immunityPeriod: z.number().int().min(0),
  ownerHotkey: z.string(),
  ownerColdkey: z.string(),
  pool: z.strictObject({ taoInRao: rao, alphaInRao: rao, alphaOutRao: rao }),
  /** Minted this block (alpha_out to participants, alpha_in and tao_in to the pool), rao. */
  perBlock: z.strictObject({ alphaOutRao: rao, alphaInRao: rao, taoInRao: rao }),
  pendingAlphaRao: rao.nullable(),
  movingPrice: z.number().nullable(),
  price: z.strictObject({
    /** null when neither the swap API nor the pool reserves give a price. */
    taoPerAlpha: z.number().min(0).nullable(),
    source: z.enum(['swap-runtime-api', 'pool-reserves', 'stable', 'unavailable']),
  }),
  /** Per-UID vectors, index = UID. incentive and dividends are raw u16 (/65535); emission is alpha rao in the last epoch. */
  uids: z.strictObject({
    hotkeys: z.array(z.string()),
    coldkeys: z.array(z.string()),
    incentive: z.array(z.number().int().min(0).max(65535)),
    dividends: z.array(z.number().int().min(0).max(65535)),
    emissionRao: z.array(rao),
    validatorPermit: z.array(z.boolean()),
    active: z.array(z.boolean()),
  }),
});

export const chainSnapshotV1Schema = z.strictObject({
  kind: z.literal(CHAIN_SNAPSHOT_KIND),
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  source: z.strictObject({
    endpoint: z.string(),
    network: z.string(),
    /** How subnet data was read. */
    method: z.enum(['runtime-api', 'storage']),
    requests: z.number().int().min(0).nullable(),
    roundTrips: z.number().int().min(0).nullable(),
    elapsedMs: z.number().min(0).nullable(),
    note: z.string().optional(),
  }),
  chain: z.strictObject({
    name: z.string(),
    genesisHash: z.string(),
    specName: z.string(),
    specVersion: z.number().int(),
  }),
  block: z.strictObject({
    number: z.number().int().min(0),
    hash: z.string(),
    /** ISO time of the block; null when it could not be read. */
    time: z.string().nullable(),
    timeSource: z.enum(['aura-slot', 'timestamp-pallet']).nullable(),
  }),
  blockEmissionRao: rao.nullable(),
  subnetOwnerCut: z.number().int().min(0).max(65535).nullable(),
  subnets: z.array(subnetSnapshotV1Schema),
  warnings: z.array(z.string()),
});

export type ChainSnapshotV1 = z.infer<typeof chainSnapshotV1Schema>;
