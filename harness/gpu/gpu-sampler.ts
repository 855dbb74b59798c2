// startGpuSampler: one long-lived `nvidia-smi --query-gpu ... -lms N` for a run's GPUs, restarted with backoff if it dies.
import { execa, type ResultPromise } from 'execa';
import { MinerbenchError } from '../errors.ts';
import type { GpuSamplerArtifact, SamplerError, SamplerGap } from '../model/gpu-sampler-artifact.ts';
import type { GpuSample } from '../model/gpu-sample.ts';
import { toGpuSample } from './gpu-sample.ts';
import { parseHelpQueryGpu } from './parse-help-query-gpu.ts';
import { powerReadingType } from './power-reading-type.ts';
import { splitCsvLine } from './query-gpu-csv.ts';
import { runNvidiaSmi, type NvidiaSmiOptions } from './run-nvidia-smi.ts';
import { chooseSamplerFields, FALLBACK_FIELDS, type SamplerFields } from './sampler-fields.ts';

export interface GpuSamplerOptions extends Omit<NvidiaSmiOptions, 'timeoutMs'> {
  /** Physical GPU UUIDs (GPU-...) to sample; MIG devices share their parent's power, so pass the parent. */
  uuids: string[];
  /** -lms period; default 100 ms. */
  periodMs?: number;
  /** Harness clock in ms; every sample and gap is stamped with it. Default Date.now. */
  now?: () => number;
  /** Skip `--help-query-gpu` and use these fields. */
  fields?: SamplerFields;
  /** Inventory entries, to tell 1-s average from instantaneous power.draw per GPU. */
  gpus?: Array<{ uuid: string | null; architecture?: string | null; name?: string | null }>;
  /** Restart delays: starts at initialMs (default 250), doubles up to maxMs (default 5000), resets on data. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Kill and restart nvidia-smi when it prints nothing for this long (real time); default max(20 periods, 5 s). */
  stallMs?: number;
  /** Called for every sample as it arrives (live views, the run's samples file); must not throw. */
  onSample?: (uuid: string, sample: GpuSample) => void;
  /** Keep the samples in memory for stop() to return (default true); false when onSample stores them (a run). */
  keep?: boolean;
}

export interface GpuSampler {
  readonly fields: SamplerFields;
  /** Counts so far: samples (all GPUs), restarts of nvidia-smi, errors recorded. */
  progress(): { samples: number; restarts: number; errors: number };
  /** Stops nvidia-smi and returns everything recorded; safe to call more than once. */
  stop(): Promise<GpuSamplerArtifact>;
}

const MAX_KEPT_ERRORS = 50;

/** Chooses fields (from --help-query-gpu unless given) and starts streaming; never throws for nvidia-smi trouble. */
export async function startGpuSampler(opts: GpuSamplerOptions): Promise<GpuSampler> {
  if (opts.uuids.length === 0)
    throw new MinerbenchError('GPU_SELECTION_INVALID', 'startGpuSampler needs at least one GPU UUID');
  const now = opts.now ?? Date.now;
  const early: SamplerError[] = [];
  let fields = opts.fields;
  if (!fields) {
    const help = await runNvidiaSmi(['--help-query-gpu'], opts);
    const supported = help.ok ? parseHelpQueryGpu(help.stdout) : new Set<string>();
    if (!help.ok || supported.size === 0) {
      const why = help.ok ? 'it listed no fields' : help.message;
      early.push({
        atMs: now(),
        code: 'NVIDIA_SMI_FAILED',
        message: `nvidia-smi --help-query-gpu failed (${why}); using the 2022 field set`,
      });
    }
    fields = chooseSamplerFields(supported.size ? supported : FALLBACK_FIELDS);
  }
  const s = new StreamingSampler(opts, fields, now, early);
  s.spawn();
  return s;
}

class StreamingSampler implements GpuSampler {
  private readonly periodMs: number;
  private readonly startedMs: number;
  private readonly gpus: GpuSamplerArtifact['gpus'] = {};
  private readonly gaps: SamplerGap[] = [];
  private child: ResultPromise | null = null;
  private buffer = '';
  private stderrTail = '';
  private stopped: Promise<GpuSamplerArtifact> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private delayMs: number;
  private openGap: { startMs: number; reason: string } | null = null;
  private lastSampleMs: number | null = null;
  private lastOutputReal = performance.now();
  private restarts = 0;
  private unparsed = 0;
  private count = 0;

  constructor(
    private readonly opts: GpuSamplerOptions,
    readonly fields: SamplerFields,
    private readonly now: () => number,
    private readonly errors: SamplerError[],
  ) {
    this.periodMs = opts.periodMs ?? 100;
    this.delayMs = opts.backoff?.initialMs ?? 250;
    this.startedMs = now();
    for (const uuid of opts.uuids) {
      const gpu = opts.gpus?.find((g) => g.uuid === uuid) ?? {};
      this.gpus[uuid] = { reading: powerReadingType(fields.power, gpu), samples: [] };
    }
    const stallMs = opts.stallMs ?? Math.max(20 * this.periodMs, 5000);
    this.watchdog = setInterval(
      () => {
        if (this.child && performance.now() - this.lastOutputReal > stallMs) {
          this.error(`nvidia-smi printed nothing for ${stallMs} ms; killing it`);
          this.child.kill('SIGKILL');
        }
      },
      Math.min(1000, stallMs / 2),
    );
    this.watchdog.unref();
  }

  progress(): { samples: number; restarts: number; errors: number } {
    return { samples: this.count, restarts: this.restarts, errors: this.errors.length };
  }

  spawn(): void {
    const args = [
      `--query-gpu=${this.fields.fields.join(',')}`,
      '--format=csv,noheader,nounits',
      '-lms',
      String(this.periodMs),
      '-i',
      this.opts.uuids.join(','),
    ];
    this.buffer = '';
    this.stderrTail = '';
    this.lastOutputReal = performance.now();
    const child = execa(this.opts.bin ?? 'nvidia-smi', args, {
      reject: false,
      buffer: false,
      stdin: 'ignore',
      forceKillAfterDelay: 2000,
      ...(this.opts.env ? { env: this.opts.env } : {}),
    });
    this.child = child;
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => this.onData(chunk));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (this.stderrTail = (this.stderrTail + chunk).slice(-2000)));
    void child.then((r) => this.onExit(child, r.code === 'ENOENT' ? 'not found' : describeExit(r.exitCode, r.signal)));
  }

  private onData(chunk: string): void {
    this.lastOutputReal = performance.now();
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      if (line.trim()) this.onLine(line);
    }
  }

  private onLine(line: string): void {
    const t = this.now();
    const cells = splitCsvLine(line);
    const uuidAt = this.fields.fields.findIndex((f) => f === 'uuid' || f === 'gpu_uuid');
    const only = this.opts.uuids.length === 1 ? this.opts.uuids[0] : undefined;
    const uuid = uuidAt >= 0 ? cells[uuidAt] : only;
    const target = uuid === undefined ? undefined : this.gpus[uuid];
    if (cells.length !== this.fields.fields.length || !uuid || !target) {
      this.unparsed++;
      this.error(`unexpected nvidia-smi output line: ${line.slice(0, 200)}`);
      return;
    }
    const row: Record<string, string> = {};
    this.fields.fields.forEach((f, i) => (row[f] = cells[i] ?? ''));
    const sample = toGpuSample(row, this.fields, t);
    if (this.opts.keep !== false) target.samples.push(sample);
    this.count++;
    this.lastSampleMs = t;
    this.delayMs = this.opts.backoff?.initialMs ?? 250;
    if (this.openGap) {
      this.gaps.push({ ...this.openGap, endMs: t });
      this.openGap = null;
    }
    this.opts.onSample?.(uuid, sample);
  }

  private onExit(child: ResultPromise, how: string): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.stopped) return;
    const said = this.stderrTail.trim().split(/\r?\n/).slice(-3).join(' ');
    this.error(`nvidia-smi ${how}${said ? `: ${said}` : ''}; restarting in ${this.delayMs} ms`);
    this.openGap ??= { startMs: this.lastSampleMs ?? this.startedMs, reason: `nvidia-smi ${how}` };
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopped) return;
      this.restarts++;
      this.spawn();
    }, this.delayMs);
    this.delayMs = Math.min(this.delayMs * 2, this.opts.backoff?.maxMs ?? 5000);
  }

  private error(message: string): void {
    if (this.errors.length < MAX_KEPT_ERRORS)
      this.errors.push({ atMs: this.now(), code: 'NVIDIA_SMI_FAILED', message });
  }

  stop(): Promise<GpuSamplerArtifact> {
    this.stopped ??= this.finish();
    return this.stopped;
  }

  private async finish(): Promise<GpuSamplerArtifact> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    const child = this.child;
    if (child) {
      child.kill('SIGTERM');
      await child;
    }
    this.child = null;
    const stoppedMs = this.now();
    if (this.openGap) this.gaps.push({ ...this.openGap, endMs: stoppedMs });
    this.openGap = null;
    return {
      kind: 'gpu-samples',
      version: 1,
      periodMs: this.periodMs,
      fields: this.fields.fields,
      powerField: this.fields.power,
      reasonsField: this.fields.reasons,
      startedMs: this.startedMs,
      stoppedMs,
      gpus: this.gpus,
      gaps: this.gaps,
      restarts: this.restarts,
      errors: this.errors,
      unparsedLines: this.unparsed,
    };
  }
}

function describeExit(exitCode: number | undefined, signal: string | undefined): string {
  if (signal) return `was killed by ${signal}`;
  return `exited with code ${exitCode ?? 'unknown'}`;
}
