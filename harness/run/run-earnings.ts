// runEarnings: the earnings section of a result from what the run measured and the chain snapshot it used. Pure.
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import { describeSnapshotAge } from '../chain/default-snapshot.ts';
import { machineEarnings, type MachineEarningsOptions } from '../evaluate/earnings-machine.ts';
import type { RunResult } from '../results/run-result.ts';

export interface ChainUsed {
  origin: 'file' | 'chain' | 'default';
  network: string;
  /** null when the snapshot does not record the runtime version (the shipped 2026 capture). */
  specVersion: number | null;
  block: number;
  blockHash: string;
  blockTime: string | null;
  description: string;
}

export function chainUsed(snapshot: ChainSnapshot, origin: ChainUsed['origin'], now?: Date): ChainUsed {
  return {
    origin,
    network: snapshot.source.network,
    specVersion: snapshot.chain.specVersion,
    block: snapshot.block.number,
    blockHash: snapshot.block.hash,
    blockTime: snapshot.block.time,
    description: describeSnapshotAge(snapshot, now),
  };
}

/** Earnings for a finished run, or null with the reason when the snapshot lacks the subnet. */
export function runEarnings(
  result: RunResult,
  snapshot: ChainSnapshot,
  validatorQps: number,
  opts: MachineEarningsOptions,
): { earnings: RunResult['earnings']; warning?: string } {
  if (!snapshot.subnets.some((s) => s.netuid === result.subnet.netuid)) {
    return {
      earnings: null,
      warning: `no earnings: the chain snapshot (block ${snapshot.block.number}) has no subnet ${result.subnet.netuid}`,
    };
  }
  const meanW = result.energy.measured && typeof result.energy.meanW === 'number' ? result.energy.meanW : null;
  const m = machineEarnings(
    {
      netuid: result.subnet.netuid,
      avgPowerW: meanW,
      p99Ms: result.latency.p99Ms,
      timeoutS: result.config.timeoutS,
      capacityQps: result.load.okQps,
      qualityMean: result.quality.mean,
      validatorQps,
    },
    snapshot,
    opts,
  );
  return { earnings: m as unknown as RunResult['earnings'] };
}
