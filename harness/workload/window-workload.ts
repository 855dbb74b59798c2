// The window workload (grail): no queries; the run gives the miner its world (a block clock at a chosen speed, a
// deterministic beacon, an S3 sink), waits out N full windows, and counts the units uploaded for each (unique by
// content hash), with GPU energy per window. EVALUATE reads only artifacts/windows.json and uploads.json.
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import { formatZodIssues } from '../config/format-issues.ts';
import { defineOption } from '../config/option-spec.ts';
import type { MinerConfig, SubnetProfile } from '../config/subnet-profile.ts';
import { windowWorkloadSchema, type WindowWorkload } from './window-block.ts';
import { MinerbenchError } from '../errors.ts';
import { windowSection, type WindowTrace } from '../evaluate/window-section.ts';
import { currentUploads, UPLOADS_ARTIFACT, uploadsListingSchema } from '../model/uploads-listing.ts';
import { WINDOW_RUN_KIND, windowRunSchema, type WindowRun } from '../model/window-run.ts';
import { blockAt, blockStartMs, windowStart } from '../services/block-clock.ts';
import type { S3Sink } from '../services/s3-sink.ts';
import type { ServiceSpec } from '../services/service-specs.ts';
import type { WindowWorld } from '../services/window-world.ts';
import { defineWorkload, type WorkloadArtifacts, type WorkloadPlan } from './workload-kind.ts';

export const WINDOWS_OPTION = defineOption({
  key: 'windows',
  flag: 'windows',
  env: 'MINERBENCH_WINDOWS',
  type: 'number',
  schema: z.number().int('a whole number of windows').min(1, 'must be >= 1 (full windows)').max(1000),
  default: 3,
  describe: 'window workloads (grail): full windows to measure after the miner is up',
  owner: 'workload window',
});

export const BLOCK_SPEED_OPTION = defineOption({
  key: 'blockSpeed',
  flag: 'block-speed',
  env: 'MINERBENCH_BLOCK_SPEED',
  type: 'number',
  schema: z.number().positive('must be > 0 (times the chain pace)').max(10_000).nullable(),
  default: null,
  defaultText: "the profile's (1: the chain's pace)",
  describe:
    "window workloads: how many times faster than the chain the miner's block clock runs (anything but 1 is a plumbing check, and the result says so)",
  owner: 'workload window',
});

const WINDOW_ARTIFACT = 'windows.json';

interface WindowPlan extends WorkloadPlan {
  block: WindowWorkload;
  windows: number;
  speed: number;
  world: string;
  sink: string;
}

/** Resolves at `atMs` on the run clock (a timer may fire a little early: it is set again), or when `signal` aborts. */
const sleepUntil = (now: () => number, atMs: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    let t: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const arm = () => {
      if (signal.aborted || now() >= atMs) return done();
      t = setTimeout(arm, Math.max(1, Math.ceil(atMs - now())));
    };
    signal.addEventListener('abort', done, { once: true });
    arm();
  });

function windowBlock(profile: SubnetProfile, file: string): WindowWorkload {
  const r = windowWorkloadSchema.safeParse(profile.workload);
  if (r.success) return r.data;
  const details = formatZodIssues(`${file}: workload`, r.error.issues, profile.workload);
  throw new MinerbenchError('CONFIG_INVALID', `subnet profile ${file}: its window workload block is invalid`, {
    details,
    hint: 'see subnets/grail/profile.ts for a working window block',
  });
}

export const windowWorkload = defineWorkload<WindowPlan>({
  kind: 'window',
  summary: "N full windows of the miner's own work against the run's block clock, beacon and S3 sink, units counted",
  options: [WINDOWS_OPTION, BLOCK_SPEED_OPTION],
  async plan(input) {
    const block = windowBlock(input.profile, input.profileFile);
    const miner = input.profile.miner;
    if (!miner)
      throw new MinerbenchError(
        'CONFIG_INVALID',
        `subnet profile ${input.profileFile}: a window workload needs a miner`,
        {
          hint: "add miner: { build: './miner', ... } (see subnets/grail/profile.ts)",
        },
      );
    const foreign = ['minerPath', 'clipDivisor', 'clipSeconds', 'queries', 'durationS']
      .map((k) => input.origin[k])
      .filter((x): x is string => x?.startsWith('flag ') === true);
    if (foreign.length)
      throw new MinerbenchError('USAGE', `invalid options for ${input.profileFile} (${foreign.length} problem(s))`, {
        details: foreign.map((x) => `${x}: does not apply to a window workload (it counts windows: --windows N)`),
        hint: 'minerbench run --help lists every option',
      });
    const o = input.options as { windows: number; blockSpeed: number | null };
    const speed = o.blockSpeed ?? block.speed ?? 1;
    const name = (kind: string) => Object.entries(block.services).find(([, s]) => s.kind === kind)![0];
    const services: Record<string, ServiceSpec> = {};
    for (const [n, s] of Object.entries(block.services)) {
      if (s.kind === 'window-world')
        services[n] = {
          kind: 'window-world',
          env: s.env,
          windowBlocks: block.windowBlocks,
          beaconPeriodS: block.beaconPeriodS,
          // A fixed seed and start block: the same run gives the miner the same world.
          clock: {
            blockSeconds: block.blockSeconds,
            speed,
            startBlock: 6_000_015,
            seed: `minerbench:${input.profile.id}`,
          },
        };
      else if (s.kind === 's3-sink') services[n] = { kind: 's3-sink', bucket: s.bucket, env: s.env };
      else services[n] = { kind: 'clip-server', clips: s.clips };
    }
    const windowS = (block.windowBlocks * block.blockSeconds) / speed;
    const warnings: string[] = [];
    if (speed !== 1)
      warnings.push(
        `--block-speed ${speed}: a ${block.windowBlocks}-block window lasts ${windowS.toFixed(1)} s instead of ${block.windowBlocks * block.blockSeconds} s; the run checks the plumbing and is marked INVALID as a measurement`,
      );
    return {
      kind: 'window',
      description: `${o.windows} full windows of ${block.windowBlocks} blocks x ${block.blockSeconds} s${speed === 1 ? '' : ` at ${speed}x (${windowS.toFixed(1)} s each)`}, ${block.unit}s counted from the uploads`,
      // The miner is up once it runs: the workload measures from the next window boundary, not from a probe.
      miner: { id: input.profile.id, miner: miner as MinerConfig },
      signs: false,
      plannedUnits: null,
      queries: null,
      timeout: null,
      validatorQps: null,
      warnings,
      services,
      measuredPath: null,
      block,
      windows: o.windows,
      speed,
      world: name('window-world'),
      sink: name('s3-sink'),
    };
  },

  async collect(ctx, plan) {
    const world = ctx.services[plan.world] as WindowWorld;
    const sink = ctx.services[plan.sink] as S3Sink;
    const W = plan.block.windowBlocks;
    const clock = world.config;
    const grace = plan.block.graceBlocks ?? W;
    const upMs = ctx.now();
    const upBlock = blockAt(clock, upMs);
    const first = windowStart(upBlock, W) + W;
    const measured = Array.from({ length: plan.windows }, (_, k) => {
      const window = first + k * W;
      return { window, startMs: blockStartMs(clock, window), endMs: blockStartMs(clock, window + W), complete: false };
    });
    const warmup = { window: first - W, startMs: upMs, endMs: measured[0]!.startMs };
    const lastEnd = measured[measured.length - 1]!.endMs;
    const uploadsIn = () => sink.record().uploads.length;
    ctx.emit({
      type: 'phase',
      phase: 'warmup',
      detail: `block ${upBlock}: the first full window starts at block ${first} in ${((warmup.endMs - upMs) / 1000).toFixed(1)} s`,
    });
    await sleepUntil(ctx.now, warmup.endMs, ctx.signal);
    for (const [k, w] of measured.entries()) {
      if (ctx.signal.aborted) break;
      ctx.emit({ type: 'phase', phase: 'measure', detail: `window ${k + 1}/${measured.length} (block ${w.window})` });
      await sleepUntil(ctx.now, w.endMs, ctx.signal);
      w.complete = !ctx.signal.aborted && ctx.now() >= w.endMs;
      if (w.complete)
        ctx.emit({
          type: 'phase',
          phase: 'measure',
          detail: `window ${w.window} over; ${uploadsIn()} upload(s) so far`,
        });
    }
    const graceEnd = lastEnd + (grace * clock.blockSeconds * 1000) / clock.speed;
    if (!ctx.signal.aborted && grace > 0) {
      ctx.emit({ type: 'phase', phase: 'measure', detail: `waiting ${grace} blocks for the last window's uploads` });
      await sleepUntil(ctx.now, graceEnd, ctx.signal);
    }
    const stoppedEarly = ctx.signal.aborted ? String(ctx.signal.reason ?? 'stopped') : null;
    const run: WindowRun = {
      kind: WINDOW_RUN_KIND,
      version: 1,
      world: plan.world,
      sink: plan.sink,
      clock,
      windowBlocks: W,
      graceBlocks: grace,
      minerUpMs: upMs,
      minerUpBlock: upBlock,
      warmup,
      measured,
      waitedUntilMs: ctx.now(),
      stoppedEarly,
    };
    writeFileAtomic(path.join(ctx.folder.artifactsDir, WINDOW_ARTIFACT), JSON.stringify(run, null, 1));
    const done = measured.filter((w) => w.complete);
    return {
      replay: null,
      caching: null,
      window: {
        warmup: { startMs: warmup.startMs, endMs: warmup.endMs },
        measure: {
          startMs: warmup.endMs,
          endMs: done.length ? done[done.length - 1]!.endMs : Math.max(warmup.endMs, run.waitedUntilMs),
        },
      },
      stoppedEarly,
    };
  },

  evaluate(a, profile) {
    const block = windowBlock(profile, a.context.profile.file);
    const run = readArtifact(a, WINDOW_ARTIFACT, windowRunSchema);
    if (!run)
      return {
        result: {},
        energyCounts: null,
        invalid: ['the window workload did not start (no artifacts/windows.json): nothing was measured'],
        measure: { replay: null, tokens: null, window: null },
      };
    const listing = readArtifact(a, UPLOADS_ARTIFACT, uploadsListingSchema);
    const uploads = currentUploads(listing?.sinks[run.sink]?.uploads ?? []);
    const g = a.context.environment.gpus;
    const trace = g.available && g.assignedDeviceIds.length ? (a.gpuSamples ?? null) : null;
    const e = windowSection({
      run,
      uploads,
      read: (file) => a.artifactFile?.(path.posix.join('uploads', file))?.toString('utf8') ?? null,
      parse: block.units,
      unit: block.unit,
      reference: block.reference ?? null,
      power: trace ? { trace: trace as unknown as WindowTrace, maxIntervalMs: 3 * trace.periodMs } : null,
    });
    return {
      result: { window: e.section },
      energyCounts: null,
      invalid: e.invalid,
      measure: { replay: null, tokens: null, window: e.measure },
      artifacts: { windows: `artifacts/${WINDOW_ARTIFACT}` },
    };
  },
});

/** A JSON artifact checked against its schema; null when it is absent (a run that stopped before writing it). */
function readArtifact<T>(a: WorkloadArtifacts, name: string, schema: z.ZodType<T>): T | null {
  const raw = a.artifactFile?.(name);
  if (!raw) return null;
  const r = schema.safeParse(JSON.parse(raw.toString('utf8')));
  if (!r.success)
    throw new MinerbenchError('RESULT_INVALID', `artifacts/${name} does not match this minerbench`, {
      details: formatZodIssues(`artifacts/${name}`, r.error.issues),
    });
  return r.data;
}
