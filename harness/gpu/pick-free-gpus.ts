// pickFreeGpus: choose N whole GPUs that nothing else is using, or say exactly why there are not enough.
import { MinerbenchError } from '../errors.ts';
import type { GpuInfo, GpuInventory } from './gpu-inventory.ts';
import type { AssignedDevice } from './gpu-selection.ts';

/** Why a GPU cannot be given to a run, or null when it is free. `taken` maps GPU UUID -> the run that holds it. */
export function whyNotFree(gpu: GpuInfo, inventory: GpuInventory, taken: ReadonlyMap<string, string>): string | null {
  if (!gpu.uuid) return 'no UUID reported';
  if (inventory.gpus.filter((g) => g.uuid === gpu.uuid).length > 1)
    return `UUID ${gpu.uuid} is shared with another GPU`;
  const holder = taken.get(gpu.uuid);
  if (holder !== undefined) return `assigned to run ${holder}`;
  if (gpu.processes.length > 0) {
    const procs = gpu.processes.slice(0, 3).map((p) => `${p.pid ?? '?'} ${p.name ?? ''}`.trim());
    return `busy: ${gpu.processes.length} process(es) running (${procs.join(', ')}${gpu.processes.length > 3 ? ', ...' : ''})`;
  }
  if (gpu.mig.current === true) return 'MIG mode is on (select one of its MIG devices by UUID instead)';
  return null;
}

/** The first `count` free GPUs in index order; GPU_UNAVAILABLE naming every busy GPU when there are fewer. */
export function pickFreeGpus(
  inventory: GpuInventory,
  count: number,
  taken: ReadonlyMap<string, string>,
): AssignedDevice[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new MinerbenchError('GPU_SELECTION_INVALID', `a profile cannot need ${count} GPUs`, {
      hint: 'Use a whole number, 0 or more.',
    });
  }
  const free: AssignedDevice[] = [];
  const notFree: string[] = [];
  for (const g of inventory.gpus) {
    const why = whyNotFree(g, inventory, taken);
    if (why === null && g.uuid)
      free.push({ index: g.index, gpuUuid: g.uuid, migUuid: null, deviceId: g.uuid, name: g.name });
    else notFree.push(`GPU ${g.index} (${g.name ?? 'unknown'}): ${why}`);
  }
  if (free.length < count) {
    throw new MinerbenchError(
      'GPU_UNAVAILABLE',
      `needs ${count} free GPU${count === 1 ? '' : 's'} but ${free.length} of ${inventory.gpus.length} ${free.length === 1 ? 'is' : 'are'} free`,
      { hint: 'Wait for the other work to finish, or name GPUs with --gpus.', details: notFree },
    );
  }
  return free.slice(0, count);
}
