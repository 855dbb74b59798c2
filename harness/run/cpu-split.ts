// cpuSplit: which cores minerbench keeps for itself and which the miners get, and pinning this process to its share.
import os from 'node:os';
import { execa } from 'execa';

export interface CpuSplit {
  /** e.g. '0' or '0-1'; undefined where the machine is too small to split. */
  harness: string | undefined;
  /** e.g. '1-15'; undefined: miners may use every core. */
  miners: string | undefined;
}

/**
 * On 4 or more cores the harness keeps the first eighth (at least one core) and miners get the rest, so a busy
 * miner cannot delay the load generator's clock; on smaller machines a split would starve one side, so all share.
 */
export function cpuSplit(cores = os.cpus().length): CpuSplit {
  if (cores < 4) return { harness: undefined, miners: undefined };
  const own = Math.max(1, Math.floor(cores / 8));
  return { harness: own === 1 ? '0' : `0-${own - 1}`, miners: `${own}-${cores - 1}` };
}

/** Pins this process (all its threads) to the harness cores with taskset; returns why not when it cannot. */
export async function pinHarness(split: CpuSplit, pid = process.pid): Promise<string | undefined> {
  if (!split.harness) return 'fewer than 4 cores: harness and miners share every core';
  if (process.platform !== 'linux') return 'core pinning needs Linux';
  const r = await execa('taskset', ['-a', '-p', '-c', split.harness, String(pid)], { reject: false });
  return r.exitCode === 0
    ? undefined
    : `taskset failed (${r.stderr.trim() || r.shortMessage}): the harness is not pinned`;
}
