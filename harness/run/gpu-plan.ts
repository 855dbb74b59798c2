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

export async function planGpus(profile: SubnetProfile, gpus: string | null, env: NodeJS.ProcessEnv): Promise<GpuPlan> {
  if (gpus) parseGpuSelection(gpus); // syntax errors first, without touching nvidia-smi
  const probe = await probeGpus({ env });
  const request: GpuRequest | null = gpus
    ? { gpus }
    : (profile.miner?.gpus ?? 0) > 0
      ? { count: profile.miner!.gpus }
      : null;
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
