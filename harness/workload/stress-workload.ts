// The `stress` workload (subnets that send no queries: lium, ni-compute): a sustained matmul load (the stress image,
// harness/workload/stress/image) on every assigned GPU while the sampler runs, through the run's runtime (Docker: the
// image built on BASE_IMAGE, locked down on the run's network with the run's GPUs; process: python3 stress.py); its
// output lines are kept in artifacts/stress.jsonl and evaluated into the result's stress section.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { formatZodIssues } from '../config/format-issues.ts';
import { defineOption } from '../config/option-spec.ts';
import {
  STRESS_DEFAULTS,
  STRESS_IMAGE_CONTEXT,
  stressArgs,
  stressWorkloadSchema,
  type StressWorkload,
} from '../config/stress-workload.ts';
import type { MinerProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import { stressMeasure, stressSummary, type StressGpuTrace } from '../evaluate/stress-summary.ts';
import { runtimeKind } from '../runtime/runtime-registry.ts';
import { defineWorkload, type WorkloadPlan } from './workload-kind.ts';
import { programWindow, toRunClock } from './stress-lines-clock.ts';

export const STRESS_OPTIONS = [
  defineOption({
    key: 'stressDevice',
    flag: 'stress-device',
    env: 'MINERBENCH_STRESS_DEVICE',
    type: 'string',
    schema: z.enum(['auto', 'cuda', 'cpu']),
    default: 'auto',
    describe:
      'stress: where the matrix multiplies run: auto (the GPUs when PyTorch with CUDA is in the image, else the CPU stand-in), cuda (fail without), cpu (the stand-in)',
    owner: 'workload stress',
  }),
  defineOption({
    key: 'stressPrecision',
    flag: 'stress-precision',
    type: 'string',
    schema: z.enum(['fp16', 'fp32', 'fp16,fp32', 'fp32,fp16']).nullable(),
    default: null,
    describe: 'stress: the phases to run, in order (fp16, fp32 or both)',
    owner: 'workload stress',
    defaultText: "the profile's stress block (fp16,fp32)",
  }),
  defineOption({
    key: 'stressIntervalS',
    flag: 'stress-interval',
    type: 'number',
    schema: z.number().positive('seconds per interval (> 0)').max(3600).nullable(),
    default: null,
    describe:
      'stress: seconds per measured interval (the first of each phase is warm-up; stability needs 3 more per phase)',
    owner: 'workload stress',
    defaultText: "the profile's stress block (5 s)",
  }),
] as const;

export interface StressPlan extends WorkloadPlan {
  block: StressWorkload;
  /** The program's arguments (stress.py). */
  args: string[];
  seconds: number;
}

/** The stress program as a runtime runs a miner: built from the stress image context, or the profile's prebuilt image. */
function stressProgram(profileId: string, plan: StressPlan, gpus: number): MinerProfile {
  const image = plan.block.image;
  return {
    id: `${profileId}-stress`,
    miner: {
      ...(image ? { image } : { build: '.' }),
      process: { command: ['python3', '-u', 'stress.py'], cwd: '.' },
      // Unused: the program listens on nothing; the runtimes want a port and a ready check.
      port: 8000,
      ready: { synapse: '(none: the stress program listens on nothing)' },
      gpus,
      // PyTorch with CUDA needs a few GiB of host memory to start; the stand-in far less.
      memoryMb: 8192,
      pidsLimit: 256,
      env: { STRESS_ARGS: JSON.stringify(plan.args) },
      network: 'isolated',
    },
  };
}

export const stressWorkload = defineWorkload<StressPlan>({
  kind: 'stress',
  summary: 'a sustained GPU load (fp16/fp32 matmuls) while power, clocks and stability are sampled; no queries',
  options: STRESS_OPTIONS,

  async plan({ profile, profileFile, options: o, origin }) {
    const r = stressWorkloadSchema.safeParse(profile.workload);
    if (!r.success)
      throw new MinerbenchError(
        'CONFIG_INVALID',
        `subnet profile ${profileFile}: its stress workload block is invalid`,
        {
          details: formatZodIssues(`${profileFile}: workload`, r.error.issues, profile.workload),
          hint: 'see harness/config/stress-workload.ts for what a stress block holds',
        },
      );
    if (o.runtime === 'external')
      throw new MinerbenchError(
        'USAGE',
        '--runtime external cannot run the stress workload: it starts its own program',
        {
          hint: 'use --runtime docker (the stress image) or --runtime process (python3 stress.py)',
        },
      );
    const w = r.data;
    const seconds = typeof o.durationS === 'number' ? o.durationS : (w.seconds ?? STRESS_DEFAULTS.seconds);
    const intervalS =
      typeof o.stressIntervalS === 'number' ? o.stressIntervalS : (w.intervalS ?? STRESS_DEFAULTS.intervalS);
    const phases =
      typeof o.stressPrecision === 'string'
        ? (o.stressPrecision.split(',') as Array<'fp16' | 'fp32'>)
        : (w.phases ?? [...STRESS_DEFAULTS.phases]);
    const block: StressWorkload = { ...w, seconds, intervalS, phases };
    const device = (o.stressDevice as 'auto' | 'cuda' | 'cpu' | undefined) ?? 'auto';
    const warnings: string[] = [];
    const perPhase = Math.floor(seconds / phases.length / intervalS);
    if (perPhase < 4)
      warnings.push(
        `stress: ${perPhase} interval(s) of ${intervalS} s per phase; the stability verdict needs 4 (1 warm-up + 3): raise --duration or lower --stress-interval`,
      );
    for (const k of ['queries', 'ratePerS', 'timeoutS'])
      if (origin[k] && origin[k] !== 'default')
        warnings.push(`${origin[k]} is ignored: the stress workload sends no queries`);
    return {
      kind: 'stress',
      description: `stress: ${phases.join(' then ')} matrix multiplies for ${seconds} s (${intervalS} s intervals) on every assigned GPU${device === 'cpu' ? ', CPU stand-in forced' : ''}`,
      miner: null,
      signs: false,
      plannedUnits: null,
      queries: null,
      timeout: null,
      validatorQps: null,
      warnings,
      startsProgram: true,
      allGpus: true,
      block,
      args: stressArgs(block, device),
      seconds,
    };
  },

  async collect(ctx, plan) {
    const p = ctx.program;
    const runtime = runtimeKind(String(ctx.options.runtime)).create({
      runId: ctx.runId,
      profile: stressProgram(ctx.profile.id, plan, p.gpuDeviceIds.length),
      pluginDir: STRESS_IMAGE_CONTEXT,
      minerHotkey: '',
      gpuDeviceIds: p.gpuDeviceIds,
      readyProbe: () => Promise.resolve(true),
      now: ctx.now,
      env: p.env,
      onBuildLog: p.onBuildLog,
      minerEgress: false,
      ...(p.cpusetCpus ? { cpusetCpus: p.cpusetCpus } : {}),
      ...(p.baseImage ? { baseImage: p.baseImage } : {}),
      ...(p.docker ? { docker: p.docker } : {}),
    });
    let stoppedEarly: string | null = null;
    try {
      ctx.emit({ type: 'phase', phase: 'build', detail: `${ctx.options.runtime}: stress program` });
      await runtime.start(ctx.signal);
      // The program's wall clock (time.time) and the run clock the sampler stamps with, read at the same moment.
      const offsetMs = Date.now() - ctx.now();
      ctx.emit({ type: 'phase', phase: 'measure', detail: plan.description });
      const aborted = new Promise<null>((resolve) => {
        if (ctx.signal.aborted) resolve(null);
        ctx.signal.addEventListener('abort', () => resolve(null), { once: true });
      });
      const exit = await Promise.race([runtime.exited(), aborted]);
      if (exit === null) stoppedEarly = `stopped: ${String(ctx.signal.reason ?? 'interrupted')}`;
      else if (exit.exitCode !== 0) stoppedEarly = `the stress program exited with code ${exit.exitCode}`;
      await runtime.stop();
      const log = await runtime.logs();
      const lines = toRunClock(log.split('\n'), offsetMs);
      writeFileSync(ctx.folder.stress, lines.length ? `${lines.join('\n')}\n` : '');
      return {
        replay: null,
        caching: null,
        window: programWindow(lines),
        stoppedEarly,
        program: { runtime: runtime.describe(), log },
      };
    } finally {
      await runtime.stop();
    }
  },

  evaluate(a) {
    const lines = a.programLines();
    const summary = stressSummary(lines, (a.gpuSamples ?? undefined) as StressGpuTrace | undefined);
    const m = stressMeasure(summary);
    const invalid: string[] = [];
    if (!lines.some((l) => l.trim())) invalid.push('the stress program printed nothing (see the miner log)');
    // A CPU stand-in's steadiness says nothing about a GPU (a shared test machine is noisy): only a GPU's verdict counts.
    else if (summary.stability.verdict === 'unstable' && summary.ran === 'gpu')
      invalid.push(`the GPU load was not stable: ${summary.stability.reasons.join('; ')}`);
    return {
      result: { stress: { ...summary, standIn: summary.ran !== 'gpu' } },
      energyCounts: null,
      invalid,
      measure: { replay: null, tokens: null, stress: m.stress, meanPowerW: m.meanPowerW },
    };
  },
});
