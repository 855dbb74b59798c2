// GpuAssigner: hands GPUs to runs in this process, so two concurrent runs never get the same GPU.
import { MinerbenchError } from '../errors.ts';
import type { GpuInventory } from './gpu-inventory.ts';
import { parseGpuSelection, resolveGpuSelection, type AssignedDevice } from './gpu-selection.ts';
import { pickFreeGpus } from './pick-free-gpus.ts';

export interface GpuAssignment {
  runId: string;
  devices: AssignedDevice[];
  /** For Docker (dockerDeviceRequests): MIG or GPU UUIDs, one per device. */
  deviceIds: string[];
  /** For the sampler (startGpuSampler uuids): the distinct physical GPU UUIDs. */
  samplerUuids: string[];
  /** E.g. a GPU named by the user that other processes are using. */
  warnings: string[];
}

/** Either the user's --gpus list or how many GPUs the profile needs. */
export type GpuRequest = { gpus: string } | { count: number };

export class GpuAssigner {
  /** GPU UUID -> run id. */
  private readonly taken = new Map<string, string>();

  /** Assigns devices to runId (replacing what it held); throws GPU_SELECTION_INVALID or GPU_UNAVAILABLE. */
  assign(runId: string, inventory: GpuInventory, request: GpuRequest): GpuAssignment {
    const others = new Map([...this.taken].filter(([, r]) => r !== runId));
    const warnings: string[] = [];
    let devices: AssignedDevice[];
    if ('gpus' in request) {
      devices = resolveGpuSelection(parseGpuSelection(request.gpus), inventory);
      const held = devices.filter((d) => others.has(d.gpuUuid));
      if (held.length) {
        throw new MinerbenchError(
          'GPU_UNAVAILABLE',
          held.map((d) => `GPU ${d.index} (${d.gpuUuid}) is assigned to run ${others.get(d.gpuUuid)}`).join('; '),
          { hint: 'Pick other GPUs, or wait for that run to finish.' },
        );
      }
      for (const d of devices) {
        const gpu = inventory.gpus.find((g) => g.index === d.index);
        if (gpu && gpu.processes.length > 0) {
          warnings.push(
            `GPU ${d.index} already runs ${gpu.processes.length} other process(es); its energy figures include them`,
          );
        }
      }
    } else {
      devices = pickFreeGpus(inventory, request.count, others);
    }
    this.release(runId);
    for (const d of devices) this.taken.set(d.gpuUuid, runId);
    return {
      runId,
      devices,
      deviceIds: devices.map((d) => d.deviceId),
      samplerUuids: [...new Set(devices.map((d) => d.gpuUuid))],
      warnings,
    };
  }

  /** Gives back everything runId holds. */
  release(runId: string): void {
    for (const [uuid, r] of this.taken) if (r === runId) this.taken.delete(uuid);
  }

  /** The run holding a GPU UUID, if any. */
  holderOf(gpuUuid: string): string | undefined {
    return this.taken.get(gpuUuid);
  }
}
