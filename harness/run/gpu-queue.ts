// GpuQueue: runs of one minerbench process wait their turn for GPUs (a queue per GPU); none shares a GPU with another.
import { EventEmitter } from 'node:events';
import { isMinerbenchError } from '../errors.ts';
import { GpuAssigner, type GpuAssignment, type GpuRequest } from '../gpu/gpu-assigner.ts';
import type { GpuInventory } from '../gpu/gpu-inventory.ts';

export class GpuQueue {
  private readonly assigner = new GpuAssigner();
  private readonly released = new EventEmitter();

  /**
   * Assigns GPUs to runId, waiting while other runs of this process hold them. Fails at once (GPU_UNAVAILABLE /
   * GPU_SELECTION_INVALID) when the machine could not satisfy the request even with every other run finished.
   */
  async acquire(
    runId: string,
    inventory: GpuInventory,
    request: GpuRequest,
    signal?: AbortSignal,
    onWait?: (why: string) => void,
  ): Promise<GpuAssignment> {
    for (;;) {
      try {
        return this.assigner.assign(runId, inventory, request);
      } catch (e) {
        if (!isMinerbenchError(e) || e.code !== 'GPU_UNAVAILABLE') throw e;
        new GpuAssigner().assign(runId, inventory, request); // throws if waiting can never help
        onWait?.(e.message);
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => reject(signal!.reason);
          this.released.once('release', () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          });
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      }
    }
  }

  release(runId: string): void {
    this.assigner.release(runId);
    this.released.emit('release');
  }
}
