// parseGpuList / withGpuList: reads `nvidia-smi -L` (the only place MIG device UUIDs appear) and merges it into an inventory.
import type { GpuInventory, MigDevice } from './gpu-inventory.ts';

export interface ListedGpu {
  index: number;
  name: string;
  uuid: string;
  mig: Array<{ index: number; profile: string; uuid: string }>;
}

const GPU_LINE = /^GPU (\d+): (.*) \(UUID: (GPU-[0-9A-Za-z-]+)\)\s*$/;
const MIG_LINE = /^\s+MIG (\S+)\s+Device\s+(\d+): \(UUID: (MIG-[0-9A-Za-z/-]+)\)\s*$/;

/** The GPUs and MIG devices of `nvidia-smi -L`; lines it does not recognise are ignored. */
export function parseGpuList(text: string): ListedGpu[] {
  const gpus: ListedGpu[] = [];
  for (const line of text.split(/\r?\n/)) {
    const g = GPU_LINE.exec(line);
    if (g) {
      gpus.push({ index: Number(g[1]), name: g[2] ?? '', uuid: g[3] ?? '', mig: [] });
      continue;
    }
    const m = MIG_LINE.exec(line);
    const last = gpus[gpus.length - 1];
    if (m && last) last.mig.push({ profile: m[1] ?? '', index: Number(m[2]), uuid: m[3] ?? '' });
  }
  return gpus;
}

/**
 * A copy of the inventory whose MIG devices carry the UUIDs and profiles from `-L`. GPUs are matched by UUID
 * (by index when the UUID is missing); MIG devices by device index, and a MIG device that only `-L` shows is added.
 */
export function withGpuList(inventory: GpuInventory, listed: ListedGpu[]): GpuInventory {
  const gpus = inventory.gpus.map((gpu) => {
    const l =
      listed.find((x) => (gpu.uuid ? x.uuid === gpu.uuid && x.index === gpu.index : x.index === gpu.index)) ??
      listed.find((x) => x.uuid === gpu.uuid);
    if (!l || l.mig.length === 0) return gpu;
    const devices: MigDevice[] = gpu.mig.devices.map((d) => {
      const m = l.mig.find((x) => x.index === d.index);
      return m ? { ...d, uuid: m.uuid, profile: m.profile } : d;
    });
    for (const m of l.mig) {
      if (devices.some((d) => d.index === m.index)) continue;
      devices.push({
        index: m.index,
        uuid: m.uuid,
        profile: m.profile,
        gpuInstanceId: null,
        computeInstanceId: null,
        memoryTotalMiB: null,
        multiprocessorCount: null,
      });
    }
    return { ...gpu, mig: { ...gpu.mig, devices } };
  });
  return { ...inventory, gpus };
}
