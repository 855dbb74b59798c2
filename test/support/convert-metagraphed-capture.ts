// convertMetagraphedCapture: the figures of the metagraphed finney captures (2026) converted into minerbench's own
// chain snapshot schema (never a copy of the upstream file): the source of the shipped default snapshot.
import { readFileSync } from 'node:fs';
import {
  CHAIN_SNAPSHOT_KIND,
  CHAIN_SNAPSHOT_SCHEMA_VERSION,
  chainSnapshotSchema,
  type ChainSnapshot,
  type PricePoint,
  type SubnetSnapshot,
} from '../../harness/model/chain-snapshot-schema.ts';
import { blockEmissionFromIssuance } from '../../harness/evaluate/block-emission.ts';
import { decodeValue } from '../../harness/chain/economics-layout.ts';
import { sharedFixture } from './shared-fixtures.ts';

export const MULTI_SUBNET_DIR = sharedFixture('chain/multi-subnet/');
export const CAPTURE_2026_08_07 = 'metagraphed/finney-subnets_b8791253_2026-08-07.json';
export const CAPTURE_2026_06_14 = 'metagraphed/finney-subnets_b8404076_2026-06-14.json';
export const STORAGE_2026_07_31 = 'metagraphed/emission-pipeline_b8740402_2026-07-31.json';
const FINNEY_GENESIS = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';

/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON, read field by field below */
type Json = any;

export function readCapture(rel: string): Json {
  return JSON.parse(readFileSync(MULTI_SUBNET_DIR + rel, 'utf8'));
}

/** Decimal TAO/alpha (the SDK's float of rao / 1e9) back to rao: exact below 2^53 rao (9,007,199 TAO). */
export function toRao(x: number | null | undefined): string {
  if (x === null || x === undefined) return '0';
  if (!Number.isFinite(x) || x < 0) throw new Error(`not an amount: ${x}`);
  return BigInt(x.toFixed(9).replace('.', '')).toString();
}

function spot(e: Json): number | null {
  const alpha = Number(toRao(e.alpha_in_pool));
  return alpha === 0 ? null : Number(toRao(e.tao_in_pool_tao)) / alpha;
}

export function convertMetagraphedCapture(): ChainSnapshot {
  const now = readCapture(CAPTURE_2026_08_07);
  const june = readCapture(CAPTURE_2026_06_14);
  const july = readCapture(STORAGE_2026_07_31);
  const juneByNetuid = new Map<number, Json>(june.subnets.map((s: Json) => [s.netuid, s]));
  const julyMoving: Record<string, string> = july.maps.moving_price;
  const chain = now.chain_state;
  const issuance = BigInt(toRao(chain.total_issuance_tao));
  const subnets: SubnetSnapshot[] = now.subnets
    .filter((s: Json) => s.netuid !== 0)
    .map((s: Json): SubnetSnapshot => {
      const e = s.economics;
      const history: PricePoint[] = [];
      const j = juneByNetuid.get(s.netuid);
      const juneSpot = j ? spot(j.economics) : null;
      if (juneSpot !== null)
        history.push({
          block: 8_404_076,
          time: '2026-06-14T09:03:00.000Z',
          taoPerAlpha: juneSpot,
          kind: 'spot',
          source: 'pool reserves tao_in / alpha_in (metagraphed capture of 2026-06-14)',
        });
      const movingHex = julyMoving[String(s.netuid)];
      if (movingHex)
        history.push({
          block: 8_740_402,
          time: '2026-07-31T07:00:59.000Z',
          taoPerAlpha: Math.max(0, decodeValue('I96F32', movingHex) as number),
          kind: 'moving',
          source: 'SubnetMovingPrice raw storage at block 8,740,402 (metagraphed emission-pipeline fixture)',
        });
      const price = spot(e);
      return {
        netuid: s.netuid,
        name: s.native_name_quality === 'placeholder' ? '' : s.name,
        symbol: s.symbol,
        tempo: s.tempo,
        lastStep: null,
        blocksSinceLastStep: null,
        numUids: s.participant_count,
        maxUids: e.max_uids,
        counts: { miners: e.miner_count, validators: e.validator_count, maxValidators: e.max_validators },
        registrationAllowed: e.registration_allowed_pinned ?? e.registration_allowed,
        burnRao: toRao(e.registration_cost_tao),
        immunityPeriod: null,
        registeredAtBlock: s.registered_at_block,
        ownerHotkey: e.owner_hotkey,
        ownerColdkey: e.owner_coldkey,
        pool: {
          taoInRao: toRao(e.tao_in_pool_tao),
          alphaInRao: toRao(e.alpha_in_pool),
          alphaOutRao: toRao(e.alpha_out_pool),
        },
        perBlock: {
          alphaOutRao: toRao(e.alpha_out_emission),
          alphaInRao: toRao(e.alpha_in_emission),
          taoInRao: toRao(e.tao_in_emission_tao),
          excessTaoRao: toRao(e.excess_tao),
        },
        pendingAlphaRao: null,
        movingPrice: e.moving_price_pinned ?? e.alpha_price_tao,
        price:
          price === null
            ? { taoPerAlpha: null, source: 'unavailable' }
            : { taoPerAlpha: price, source: 'pool-reserves' },
        emission: {
          enabled: e.emission_enabled,
          minerBurnedFraction:
            e.miner_burned_fraction === null ? null : Math.min(1, Math.max(0, e.miner_burned_fraction)),
          firstEmissionBlock: e.first_emission_block,
          firstEmissionKnown: true,
          subtokenEnabled: e.subtoken_enabled,
        },
        mechanisms: { count: s.mechanism_count, emissionSplit: null, splitKnown: s.mechanism_count === 1 },
        uids: null,
        window: null,
        priceHistory: history,
      };
    });
  const snapshot: ChainSnapshot = {
    kind: CHAIN_SNAPSHOT_KIND,
    schemaVersion: CHAIN_SNAPSHOT_SCHEMA_VERSION,
    createdAt: new Date(now.captured_at).toISOString(),
    source: {
      endpoint: 'metagraphed finney capture (JSONbored/metagraphed@30a4d61b registry/native/finney-subnets.json)',
      network: 'finney',
      method: 'converted',
      requests: null,
      roundTrips: null,
      elapsedMs: null,
      note:
        'Figures converted into minerbench’s schema by test/support/build-default-snapshot.ts from the metagraphed ' +
        'capture of 2026-08-07 (bittensor SDK 10.4.0 get_all_metagraphs_info at block 8,791,247; MinerBurned, ' +
        'emission switch, registration and moving price pinned at block 8,791,253). Spot price = pool reserves ' +
        'tao_in / alpha_in. No per-UID data (per-operator figures need a live chain). Price history: spot of the ' +
        '2026-06-14 capture, SubnetMovingPrice at block 8,740,402. Amounts were decimal TAO in the capture.',
    },
    chain: { name: 'Bittensor', genesisHash: FINNEY_GENESIS, specName: 'node-subtensor', specVersion: null },
    block: {
      number: chain.block,
      hash: chain.block_hash,
      time: new Date(now.captured_at).toISOString(),
      timeSource: 'capture-time',
    },
    blockTiming: {
      ms: 12_000,
      source: 'aura-slot-duration',
      note: `Aura.SlotDuration in finney's recorded metadata (specs 343 and 393); the capture does not record it. ${crossCheck(july, now)}`,
    },
    blockEmissionRao: blockEmissionFromIssuance(issuance).toString(),
    totalIssuanceRao: issuance.toString(),
    subnetOwnerCut: 11_796,
    globalsNote:
      "BlockEmission from TotalIssuance by the halving rule (coinbase/block_emission.rs); SubnetOwnerCut is not in the capture: 11,796 is its default in finney's recorded metadata (specs 343, 393) and the value metagraphed#10440 read on chain in 2026",
    subnets,
    warnings: [],
  };
  return chainSnapshotSchema.parse(snapshot);
}

/** The two 2026 captures' block numbers and times agree with 12 s blocks. */
function crossCheck(july: Json, now: Json): string {
  const blocks = now.chain_state.block - july.block_number;
  const seconds = (Date.parse(now.captured_at) - Date.parse(july.captured_at)) / 1000;
  return `Cross-check: blocks ${july.block_number} (${july.captured_at}) and ${now.chain_state.block} (${now.captured_at}) are ${(seconds / blocks).toFixed(3)} s per block apart (capture times, not block times).`;
}
