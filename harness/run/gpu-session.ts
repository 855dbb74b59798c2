// GpuSession: one run's GPUs while it collects: their assignment and the streaming sampler around the idle and load windows.
import type { GpuAssignment } from '../gpu/gpu-assigner.ts';
import type { GpuInventory } from '../gpu/gpu-inventory.ts';
import { startGpuSampler, type GpuSampler } from '../gpu/gpu-sampler.ts';
import { sampleLine, streamedHeader } from '../artifacts/gpu-samples-file.ts';
import { JsonlWriter } from '../artifacts/jsonl-writer.ts';
import type { GpuSample } from '../model/gpu-sample.ts';
import type { GpuSamplerArtifact } from '../model/gpu-sampler-artifact.ts';
import type { GpuQueue } from './gpu-queue.ts';
import type { GpuRequest } from '../gpu/gpu-assigner.ts';

export class GpuSession {
  private sampler: GpuSampler | undefined;
  private lines: JsonlWriter | undefined;
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

  /**
   * Starts sampling the run's GPUs. With `linesFile`, every sample goes to that file as it arrives and none stays in
   * memory (an 8-hour run of 8 GPUs at 100 ms is 2.3 million samples); without, stop() returns them all.
   */
  async startSampler(periodMs: number, linesFile?: string): Promise<void> {
    const order = this.assignment.samplerUuids;
    const position = new Map(order.map((u, i) => [u, i]));
    const lines = linesFile ? new JsonlWriter(linesFile) : undefined;
    try {
      this.sampler = await startGpuSampler({
        uuids: order,
        periodMs,
        now: this.now,
        gpus: this.inventory.gpus,
        env: this.env,
        ...(lines
          ? { keep: false, onSample: (uuid: string, s: GpuSample) => lines.write(sampleLine(position.get(uuid)!, s)) }
          : {}),
      });
      this.lines = lines;
    } catch (e) {
      await lines?.close();
      throw e;
    }
  }

  /** Stops the sampler; the artifact's header when the samples were streamed (throws when their file could not be written). */
  async stopSampler(): Promise<GpuSamplerArtifact | undefined> {
    if (this.sampler && !this.artifact) {
      const a = await this.sampler.stop();
      const lines = this.lines;
      if (lines) {
        await lines.close();
        this.artifact = streamedHeader(a, lines.file, this.assignment.samplerUuids, lines.lines);
      } else this.artifact = a;
    }
    return this.artifact;
  }

  release(): void {
    this.queue.release(this.assignment.runId);
  }
}
