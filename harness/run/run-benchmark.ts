// runBenchmark: one subnet on this machine, end to end, as named steps that hand values on (nothing shared and mutated):
// VALIDATE (planRun) -> PROBE (Docker, orphans) -> COLLECT (artifacts on disk) -> EVALUATE (from the artifacts alone)
// -> STORE (result.json, the index) -> RENDER (report.html).
import type { RunFolder } from '../artifacts/run-folder.ts';
import { newRunId } from '../artifacts/run-folder.ts';
import type { LoadedSnapshot } from '../chain/load-snapshot-or-default.ts';
import { MinerbenchError } from '../errors.ts';
import type { RunEventSink } from '../model/run-events.ts';
import type { RunResult } from '../model/result/run-result.ts';
import { connectDocker, type DockerProbe } from '../runtime/docker-client.ts';
import { dockerOptionsFromEnv } from '../runtime/docker-endpoint.ts';
import { otherRuns } from '../runtime/other-runs.ts';
import { reapProcessMiners } from '../runtime/process-pidfiles.ts';
import { reapDockerOrphans } from '../runtime/reap-orphans.ts';
import { collectRun } from './collect-run.ts';
import { evaluationHooks } from './evaluation-hooks.ts';
import { evaluateRunFolder } from './evaluate-run-folder.ts';
import type { GpuQueue } from './gpu-queue.ts';
import { planRun, type RunPlan, type RunPlanInput } from './plan-run.ts';
import { storeAndRender } from './store-and-render.ts';

export interface RunBenchmarkInput extends RunPlanInput {
  signal: AbortSignal;
  onEvent?: RunEventSink;
  /** Shared by runs of one process so concurrent runs get disjoint GPUs. */
  gpuQueue?: GpuQueue;
  /** The chain snapshot the earnings come from (loaded after validation, before anything starts). */
  chain?: LoadedSnapshot;
  /** Already validated (the CLI validates every subnet before loading the chain or pinning cores). */
  plan?: RunPlan;
}

export interface RunBenchmarkOutput {
  result: RunResult;
  folder: RunFolder;
  /** Orphans of earlier killed runs (containers or processes) that were removed first. */
  reaped: string[];
  /** Set when the run did not complete or could not be evaluated: result.json says so too. */
  failure?: MinerbenchError;
}

interface Probed {
  docker: DockerProbe | undefined;
  reaped: string[];
  /** Other minerbench runs on this machine now: the measurement shares it with them. */
  others: string[];
}

/** PROBE: the Docker engine (and its NVIDIA runtime when GPUs are asked for), and orphans of killed runs removed. */
async function probeRun(plan: RunPlan, env: NodeJS.ProcessEnv, emit: RunEventSink): Promise<Probed> {
  emit({ type: 'phase', phase: 'probe' });
  // Only our own: a pidfile or container is reaped when its owner is dead and it is still the process we started.
  const proc = reapProcessMiners();
  const reaped = [...proc.reaped];
  for (const i of proc.ignored) emit({ type: 'warning', message: `ignored pidfile ${i.file}: ${i.reason}` });
  let docker: DockerProbe | undefined;
  if (plan.needsDocker) {
    docker = await connectDocker(dockerOptionsFromEnv(env));
    if (plan.gpuPlan.request && !docker.runtimes.includes('nvidia')) {
      throw new MinerbenchError(
        'GPU_UNAVAILABLE',
        `the Docker engine has no NVIDIA container runtime, so it cannot give GPUs to the ${plan.profile.id} miner`,
        {
          hint: 'install the NVIDIA Container Toolkit and restart dockerd (nvidia-ctk runtime configure --runtime=docker); minerbench doctor checks it',
        },
      );
    }
    const d = await reapDockerOrphans(docker.docker);
    for (const x of d.reaped) reaped.push(x);
    for (const i of d.ignored) emit({ type: 'warning', message: `left ${i.what} alone: ${i.reason}` });
  }
  for (const id of reaped) emit({ type: 'warning', message: `removed a miner left by the killed run ${id}` });
  const others = (await otherRuns(docker ? { docker: docker.docker } : {})).map((o) => o.detail);
  return { docker, reaped, others };
}

export async function runBenchmark(input: RunBenchmarkInput): Promise<RunBenchmarkOutput> {
  const emit = input.onEvent ?? (() => {});
  emit({ type: 'phase', phase: 'validate' });
  const plan = input.plan ?? (await planRun(input));
  const probed = await probeRun(plan, input.env, emit);
  const collected = await collectRun({
    plan,
    runId: newRunId(plan.profile.id),
    docker: probed.docker,
    chain: input.chain,
    gpuQueue: input.gpuQueue,
    signal: input.signal,
    env: input.env,
    emit,
    warnings: [],
    validityNotes: [],
    othersAtStart: probed.others,
  });
  emit({ type: 'phase', phase: 'evaluate' });
  const evaluated = evaluateRunFolder(collected.folder.dir, plan.profile, evaluationHooks(plan.profile));
  emit({ type: 'phase', phase: 'store' });
  const stored = storeAndRender(evaluated.result, collected.folder, plan.outDir, emit);
  const failure = collected.failure ?? evaluated.evaluationError ?? stored.renderError;
  return { result: stored.result, folder: collected.folder, reaped: probed.reaped, ...(failure ? { failure } : {}) };
}
