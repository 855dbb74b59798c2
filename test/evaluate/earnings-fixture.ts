// A constructed chain snapshot with round numbers for the earnings tests (not chain data).
import type { ChainSnapshot, SubnetSnapshot, UidVectors } from '../../harness/model/chain-snapshot-schema.ts';

const OWNER_HK = 'owner-hotkey';
const OWNER_CK = 'owner-coldkey';

/**
 * SN7, tempo 99. UID 0 a validator (dividends only), UIDs 1-3 miners with 15, 10, 5 alpha per epoch,
 * UID 4 a miner hotkey of the owner's coldkey with 20 alpha (burned). Alpha 0.01 TAO. Burn 2 TAO.
 */
export function constructedSubnet(over: Partial<SubnetSnapshot> = {}): SubnetSnapshot {
  return {
    netuid: 7,
    name: 'Seven',
    symbol: 'Z',
    tempo: 99,
    lastStep: 1000,
    blocksSinceLastStep: 10,
    numUids: 5,
    maxUids: 256,
    counts: { miners: 4, validators: 1, maxValidators: 64 },
    registrationAllowed: true,
    burnRao: '2000000000',
    immunityPeriod: 7200,
    registeredAtBlock: 10,
    ownerHotkey: OWNER_HK,
    ownerColdkey: OWNER_CK,
    pool: { taoInRao: '1000000000000', alphaInRao: '100000000000000', alphaOutRao: '5000000000000' },
    perBlock: { alphaOutRao: '1000000000', alphaInRao: '1000000000', taoInRao: '10000000', excessTaoRao: '0' },
    pendingAlphaRao: null,
    movingPrice: 0.01,
    price: { taoPerAlpha: 0.01, source: 'swap-runtime-api' },
    emission: {
      enabled: true,
      minerBurnedFraction: 0.4,
      firstEmissionBlock: 100,
      firstEmissionKnown: true,
      subtokenEnabled: true,
    },
    mechanisms: { count: 1, emissionSplit: null, splitKnown: true },
    uids: {
      hotkeys: ['v0', 'm1', 'm2', 'm3', 'owner-miner'],
      coldkeys: ['cv', 'c1', 'c2', 'c3', OWNER_CK],
      incentive: [0, 3, 2, 1, 4],
      dividends: [65535, 0, 0, 0, 0],
      emissionRao: ['50000000000', '15000000000', '10000000000', '5000000000', '20000000000'],
      validatorPermit: [true, false, false, false, false],
      active: [true, true, true, true, true],
    },
    window: null,
    priceHistory: [],
    ...over,
  };
}

export function constructedSnapshot(
  subnets: SubnetSnapshot[] = [constructedSubnet()],
  specVersion = 343,
): ChainSnapshot {
  return {
    kind: 'minerbench.chain-snapshot',
    schemaVersion: 2,
    createdAt: '2026-01-02T00:00:00.000Z',
    source: {
      endpoint: 'constructed',
      network: 'test',
      method: 'runtime-api',
      requests: null,
      roundTrips: null,
      elapsedMs: null,
    },
    chain: { name: 'Bittensor', genesisHash: '0x00', specName: 'node-subtensor', specVersion },
    block: { number: 1000, hash: '0x01', time: '2026-01-01T00:00:00.000Z', timeSource: 'aura-slot' },
    blockTiming: { ms: 12_000, source: 'aura-slot-duration' },
    blockEmissionRao: '500000000',
    totalIssuanceRao: '11000000000000000',
    subnetOwnerCut: 11796,
    subnets,
    warnings: [],
  };
}

/** The constructed subnet's per-UID vectors with some fields replaced. */
export function withUids(over: Partial<UidVectors>): Partial<SubnetSnapshot> {
  return { uids: { ...constructedSubnet().uids!, ...over } };
}
