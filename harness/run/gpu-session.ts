// GpuSession: one run's GPUs: assignment, the streaming sampler around the idle and load windows, and the energy figures.
import type { GpuAssignment } from '../gpu/gpu-assigner.ts';
import type { GpuInventory } from '../gpu/gpu-inventory.ts';
import { startGpuSampler, type GpuSampler } from '../gpu/gpu-sampler.ts';
import type { GpuSamplerArtifact } from '../gpu/gpu-sampler-artifact.ts';
import { evaluateEnergy } from '../evaluate/energy.ts';
import type { EnergySummary } from '../results/run-result.ts';
import type { GpuQueue } from './gpu-queue.ts';
import { powerTimeline, type PowerTimeline } from '../results/power-timeline.ts';
import type { GpuRequest } from '../gpu/gpu-assigner.ts';

export interface RunPhases {
  idle: { startMs: number; endMs: number } | null;
  warmup: { startMs: number; endMs: number };
  measure: { startMs: number; endMs: number };
}

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

  /** Energy of the measured window (and the idle baseline before load) for result.json. */
  energy(phases: RunPhases, queries: { total: number; successful: number; qualitySum: number }): EnergySummary {
    const a = this.artifact;
    if (!a) return { measured: false, reason: 'power not measured: the GPU sampler did not run' };
    const limits = Object.fromEntries(
      this.inventory.gpus.filter((g) => g.uuid).map((g) => [g.uuid!, g.power.enforcedLimitW]),
    );
    const report = evaluateEnergy({
      trace: a,
      loadWindow: phases.measure,
      idleWindow: phases.idle,
      queries,
      enforcedLimitW: limits,
    });
    return {
      measured: report.energyJ !== null,
      ...(report.energyJ === null
        ? { reason: 'power not measured: the sampler recorded no power for at least one GPU in the load window' }
        : {}),
      statement: report.statement,
      energyJ: report.energyJ,
      aboveIdleJ: report.aboveIdleJ,
      meanW: report.meanW,
      idleW: report.idleW,
      uncertaintyJ: report.uncertaintyJ,
      joulesPerQuery: report.perQuery?.energyJ ?? null,
      joulesPerSuccessfulQuery: report.perSuccessfulQuery?.energyJ ?? null,
      aboveIdleJoulesPerQuery: report.perQuery?.aboveIdleJ ?? null,
      qualityPerJoule: report.qualityPerJoule,
      qualityPerJouleAboveIdle: report.qualityPerJouleAboveIdle,
      coverage: report.coverage,
      uncoveredS: report.uncoveredS,
      flags: report.flags,
      gpus: report.gpus,
      sampler: {
        fields: a.fields,
        powerField: a.powerField,
        periodMs: a.periodMs,
        restarts: a.restarts,
        gaps: a.gaps,
        errors: a.errors.slice(0, 10),
      },
      phases,
    };
  }

  /** GPU power over the run with the idle, warm-up and measured phases marked, for the report. */
  timeline(phases: RunPhases): PowerTimeline | undefined {
    if (!this.artifact) return undefined;
    const marks = [
      ...(phases.idle ? [{ name: 'idle baseline', ...phases.idle }] : []),
      { name: 'warm-up', ...phases.warmup },
      { name: 'measured load', ...phases.measure },
    ];
    return powerTimeline(this.artifact, marks);
  }
}
