// planGpus: before anything starts, what GPUs a run asks for and whether this machine can give them (else a clear refusal).
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import type { GpuRequest } from '../gpu/gpu-assigner.ts';
import { parseGpuSelection } from '../gpu/gpu-selection.ts';
import { probeGpus, type GpuProbe } from '../gpu/probe-gpus.ts';

export interface GpuPlan {
  probe: GpuProbe;
  /** null: this run uses no GPU. */
  request: GpuRequest | null;
}

/** Why a subnet is GPU-only (its gates, its miner, its workload; null: it runs anywhere), and whether it takes every GPU. */
export interface GpuNeed {
  why: string | null;
  all: boolean;
}

export async function planGpus(
  profile: SubnetProfile,
  gpus: string | null,
  env: NodeJS.ProcessEnv,
  need: GpuNeed = { why: null, all: false },
): Promise<GpuPlan> {
  if (gpus) parseGpuSelection(gpus); // syntax errors first, without touching nvidia-smi
  const probe = await probeGpus({ env });
  const request: GpuRequest | null = gpus
    ? { gpus }
    : (profile.miner?.gpus ?? 0) > 0
      ? { count: profile.miner!.gpus }
      : need.all && probe.available && probe.inventory.gpus.length > 0
        ? { count: probe.inventory.gpus.length }
        : null;
  if (need.why && !request && !probe.available) {
    const why =
      probe.reason === 'nvidia-smi not found' ? 'nvidia-smi is not installed (no NVIDIA driver)' : probe.reason;
    throw new MinerbenchError(
      'GPU_UNAVAILABLE',
      `${profile.id} runs only on a machine with an NVIDIA GPU (${need.why}) and this machine has none usable: ${why}`,
      {
        hint: 'run it on a machine with an NVIDIA GPU and driver (minerbench doctor checks one), or pick a subnet that needs no GPU',
      },
    );
  }
  if (request && !probe.available) {
    const why =
      probe.reason === 'nvidia-smi not found' ? 'nvidia-smi is not installed (no NVIDIA driver)' : probe.reason;
    throw new MinerbenchError(
      'GPU_UNAVAILABLE',
      gpus
        ? `--gpus ${gpus} was given but this machine has no usable NVIDIA GPU: ${why}`
        : `the ${profile.id} miner needs ${profile.miner?.gpus ?? 0} NVIDIA GPU(s) and this machine has none usable: ${why}`,
      {
        hint: 'run it on a machine with an NVIDIA GPU and driver (minerbench doctor checks one), or pick a subnet whose miner needs no GPU',
      },
    );
  }
  return { probe, request };
}
