// migrateChainSnapshotV1: a version-1 snapshot file read as version 2 (the 2026 economics fields unknown, said so).
import { CHAIN_SNAPSHOT_SCHEMA_VERSION, type ChainSnapshot, unknownEmission } from './chain-snapshot-schema.ts';
import type { ChainSnapshotV1 } from './chain-snapshot-v1.ts';

/** Version 1 had no MinerBurned, emission switch, excess TAO, mechanisms, counts or block timing: they become null. */
export function migrateChainSnapshotV1(v1: ChainSnapshotV1): ChainSnapshot {
  return {
    ...v1,
    schemaVersion: CHAIN_SNAPSHOT_SCHEMA_VERSION,
    blockTiming: null,
    totalIssuanceRao: null,
    subnets: v1.subnets.map((s) => {
      const validators = s.uids.validatorPermit.filter(Boolean).length;
      return {
        ...s,
        counts: { miners: s.uids.hotkeys.length - validators, validators, maxValidators: null },
        registeredAtBlock: null,
        perBlock: { ...s.perBlock, excessTaoRao: null },
        emission: unknownEmission(),
        mechanisms: null,
        window: null,
        priceHistory: [],
      };
    }),
    warnings: [
      ...v1.warnings,
      'read from a version-1 snapshot file: MinerBurned, the emission switch, excess TAO, mechanisms and the block time were not recorded (unknown)',
    ],
  };
}
