// GpuSession: one run's GPUs while it collects: their assignment and the streaming sampler around the idle and load windows.
import type { GpuAssignment } from '../gpu/gpu-assigner.ts';
import type { GpuInventory } from '../gpu/gpu-inventory.ts';
import { startGpuSampler, type GpuSampler } from '../gpu/gpu-sampler.ts';
import type { GpuSamplerArtifact } from '../model/gpu-sampler-artifact.ts';
import type { GpuQueue } from './gpu-queue.ts';
import type { GpuRequest } from '../gpu/gpu-assigner.ts';

export class GpuSession {
  private sampler: GpuSampler | undefined;
  artifact: GpuSamplerArtifact | undefined;

  private constructor(
    readonly assignment: GpuAssignment,
    private readonly inventory: GpuInventory,
    private readonly queue: GpuQueue,
    private readonly now: () => number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Takes GPUs for the run, waiting for other runs of this process to free them; fails at once if they never could. */
  static async open(
    runId: string,
    inventory: GpuInventory,
    queue: GpuQueue,
    request: GpuRequest,
    now: () => number,
    env: NodeJS.ProcessEnv,
    signal?: AbortSignal,
    onWait?: (why: string) => void,
  ): Promise<GpuSession> {
    return new GpuSession(await queue.acquire(runId, inventory, request, signal, onWait), inventory, queue, now, env);
  }

  async startSampler(periodMs: number): Promise<void> {
    this.sampler = await startGpuSampler({
      uuids: this.assignment.samplerUuids,
      periodMs,
      now: this.now,
      gpus: this.inventory.gpus,
      env: this.env,
    });
  }

  async stopSampler(): Promise<GpuSamplerArtifact | undefined> {
    if (this.sampler && !this.artifact) this.artifact = await this.sampler.stop();
    return this.artifact;
  }

  release(): void {
    this.queue.release(this.assignment.runId);
  }
}
