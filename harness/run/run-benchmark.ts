// runBenchmark: one subnet on this machine, end to end: validate, collect (miner, replay, GPU power), evaluate, store, render.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSubnet } from '../config/subnet-registry.ts';
import { replayProfile } from '../config/replay-profile.ts';
import { resolveRunOptions, type RunOptions } from '../config/run-options.ts';
import { asMinerbenchError, MinerbenchError } from '../errors.ts';
import type { ReplayOutput } from '../model/replay-output.ts';
import { arrivalDriver } from '../load/arrival-registry.ts';
import { arrivalOptions, describeArrival } from '../load/arrival-options.ts';
import { runCachingProbe } from '../load/caching-probe.ts';
import { realClock } from '../load/load-clock.ts';
import { runReplay } from '../load/run-replay.ts';
import { cachingVerdict } from '../evaluate/validity-caching.ts';
import { readQueriesFile } from '../load/queries-file.ts';
import { connectDocker, type DockerProbe } from '../runtime/docker-client.ts';
import { dockerOptionsFromEnv } from '../runtime/docker-endpoint.ts';
import { reapProcessOrphans } from '../runtime/process-pidfiles.ts';
import { reapOrphans } from '../runtime/reap-orphans.ts';
import { runtimeKind } from '../runtime/runtime-registry.ts';
import { ephemeralKeys } from '../transport/ephemeral-keys.ts';
import { createTransport, transportRoutes } from '../transport/transport-registry.ts';
import { writeFileAtomic } from '../results/atomic-write.ts';
import { createRunFolder, newRunId, runFolder, type RunFolder } from '../results/run-folder.ts';
import type { RunResult } from '../results/run-result.ts';
import { cpuSplit } from './cpu-split.ts';
import { evaluateRun } from './evaluate-run.ts';
import { planGpus } from './gpu-plan.ts';
import { GpuSession, type RunPhases } from './gpu-session.ts';
import { GpuQueue } from './gpu-queue.ts';
import type { RunEventSink } from './run-events.ts';
import { ProgressMeter } from './progress-meter.ts';
import { tracePlan } from '../load/trace-plan.ts';
import { renderRunReport } from './render-run-report.ts';
import { storeRun } from '../results/store-run.ts';
import { chainUsed, runEarnings } from './run-earnings.ts';
import type { LoadedSnapshot } from '../chain/load-snapshot-or-default.ts';
import type { MachineEarningsOptions } from '../evaluate/earnings-machine.ts';

export interface RunBenchmarkInput {
  subnet: string;
  flags: Partial<RunOptions>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal: AbortSignal;
  onEvent?: RunEventSink;
  /** Where subnet plugins live (tests point this at fixtures). */
  subnetsDir?: string;
  /** Shared by runs of one process so concurrent runs get disjoint GPUs. */
  gpuQueue?: GpuQueue;
  /** The chain snapshot the earnings come from (loaded before anything starts) and the earnings assumptions. */
  chain?: { loaded: LoadedSnapshot; options: MachineEarningsOptions };
}

export interface RunBenchmarkOutput {
  result: RunResult;
  folder: RunFolder;
  /** Orphans of earlier killed runs (containers or processes) that were removed first. */
  reaped: string[];
  /** Set when the run started but did not complete (crash, interrupt, build failure): result.json says so too. */
  failure?: MinerbenchError;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function runBenchmark(input: RunBenchmarkInput): Promise<RunBenchmarkOutput> {
  const emit = input.onEvent ?? (() => {});
  // VALIDATE: everything that can be checked before a side effect.
  emit({ type: 'phase', phase: 'validate' });
  const options = resolveRunOptions(input.flags, input.env);
  const kind = runtimeKind(options.runtime);
  const loaded = await loadSubnet(input.subnet, input.subnetsDir);
  const { dir } = loaded;
  const profile = replayProfile(loaded.profile, loaded.file);
  const queriesFile = path.resolve(dir, profile.queries);
  const queries = readQueriesFile(queriesFile, {
    allowedSynapses: transportRoutes(profile.transport),
    monotonic: arrivalDriver(options.arrival).monotonicQueries,
  });
  const arrival = arrivalOptions(options, queries);
  // --arrival trace sends the file once: how many queries, over how long; a long schedule is said before anything starts.
  const trace =
    arrival.kind === 'trace'
      ? tracePlan(queries, {
          warmup: options.warmup,
          count: options.queries,
          durationS: options.durationS,
          timeScale: arrival.timeScale,
        })
      : null;
  const gpuPlan = await planGpus(profile, options.gpus, input.env);
  if (trace?.warning) emit({ type: 'warning', message: trace.warning });

  // PROBE
  emit({ type: 'phase', phase: 'probe' });
  let probe: DockerProbe | undefined;
  const reaped = reapProcessOrphans();
  if (kind.needsDocker) {
    probe = await connectDocker(dockerOptionsFromEnv(input.env));
    if (gpuPlan.request && !probe.runtimes.includes('nvidia')) {
      throw new MinerbenchError(
        'GPU_UNAVAILABLE',
        `the Docker engine has no NVIDIA container runtime, so it cannot give GPUs to the ${profile.id} miner`,
        {
          hint: 'install the NVIDIA Container Toolkit and restart dockerd (nvidia-ctk runtime configure --runtime=docker); minerbench doctor checks it',
        },
      );
    }
    for (const x of await reapOrphans(probe.docker)) reaped.push(x);
  }
  for (const id of reaped) emit({ type: 'warning', message: `removed a miner left by the killed run ${id}` });

  const runId = newRunId(profile.id);
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const gpus =
    gpuPlan.request && gpuPlan.probe.available
      ? await GpuSession.open(
          runId,
          gpuPlan.probe.inventory,
          input.gpuQueue ?? new GpuQueue(),
          gpuPlan.request,
          now,
          input.env,
          input.signal,
          (why) => emit({ type: 'phase', phase: 'probe', detail: `waiting for GPUs: ${why}` }),
        )
      : undefined;
  for (const w of gpus?.assignment.warnings ?? []) emit({ type: 'warning', message: w });

  const folder = runFolder(path.resolve(input.cwd, options.out), runId);
  createRunFolder(folder);
  const startedAt = new Date();
  const keys = await ephemeralKeys();
  const transport = createTransport(profile.transport, { signer: keys.dendrite });
  let buildLog = '';
  const cpuset = cpuSplit().miners;
  const runtime = kind.create({
    runId,
    profile,
    pluginDir: dir,
    minerHotkey: options.minerHotkey ?? keys.miner.address,
    gpuDeviceIds: gpus?.assignment.deviceIds ?? [],
    ...(cpuset ? { cpusetCpus: cpuset } : {}),
    ...(options.baseImage ? { baseImage: options.baseImage } : {}),
    readyProbe: async (ep) => {
      const o = await transport.send({ t: 0, synapse: profile.miner.ready.synapse, body: {}, line: 0 }, ep, {
        timeoutS: 2,
        now,
        session: 'ready',
      });
      return o.status === 'ok';
    },
    now,
    env: input.env,
    onBuildLog: (t) => (buildLog += t),
    ...(probe ? { docker: probe.docker } : {}),
    ...(options.endpoint
      ? {
          endpoint: {
            host: options.endpoint.split(':')[0]!,
            port: Number(options.endpoint.split(':')[1]),
            hotkey: options.minerHotkey!,
          },
        }
      : {}),
  });

  const replayAbort = new AbortController();
  const onOuterAbort = () => replayAbort.abort(String(input.signal.reason ?? 'interrupted'));
  input.signal.addEventListener('abort', onOuterAbort, { once: true });
  let replay: ReplayOutput | undefined;
  let failure: MinerbenchError | undefined;
  let crashed: string | undefined;
  let idle: RunPhases['idle'] = null;
  try {
    emit({
      type: 'phase',
      phase: 'build',
      detail: `${options.runtime}: ${profile.miner.build ?? profile.miner.image ?? options.endpoint}`,
    });
    const endpoint = await runtime.start(input.signal);
    emit({ type: 'phase', phase: 'ready', detail: `${endpoint.host}:${endpoint.port}` });
    await runtime.waitReady(endpoint, input.signal);
    void runtime.exited().then((e) => {
      crashed = `the miner exited with code ${e.exitCode}${e.oomKilled ? ' (out of memory)' : ''} at ${(e.atMs / 1000).toFixed(1)} s`;
      replayAbort.abort(crashed);
    });
    if (gpus) {
      await gpus.startSampler(options.samplePeriodMs);
      if (options.idleS > 0) {
        emit({ type: 'phase', phase: 'warmup', detail: `idle power baseline, ${options.idleS} s` });
        const start = now();
        await sleep(options.idleS * 1000, replayAbort.signal);
        idle = { startMs: start, endMs: now() };
      }
    }
    const count = options.queries ?? queries.length;
    const total = options.durationS === null ? (trace?.total ?? options.warmup + count) : null;
    const meter = new ProgressMeter(now(), total, options.durationS, trace?.spanS ?? null);
    emit({
      type: 'phase',
      phase: 'measure',
      detail: `${trace?.warmup ?? options.warmup} warm-up + ${options.durationS === null ? `${trace?.measured ?? count} queries` : `${options.durationS} s`}, ${describeArrival(arrival)}`,
    });
    replay = await runReplay({
      queries,
      arrival,
      ...(options.durationS === null ? { count } : { durationS: options.durationS }),
      warmup: options.warmup,
      transport,
      endpoint,
      timeoutS: options.timeoutS ?? profile.validator.timeoutS,
      clock: realClock(now),
      signal: replayAbort.signal,
      onRecord: (r) => {
        const p = meter.record(r.status === 'ok', now());
        if (p) emit(p);
      },
    });
    if (options.cachingProbe > 0 && !replayAbort.signal.aborted) {
      emit({
        type: 'phase',
        phase: 'measure',
        detail: `caching probe: ${options.cachingProbe} fresh and ${options.cachingProbe} repeated queries`,
      });
      const probeTimeoutS = options.timeoutS ?? profile.validator.timeoutS;
      replay.caching = cachingVerdict(
        await runCachingProbe({
          queries,
          n: options.cachingProbe,
          transport,
          endpoint,
          timeoutS: probeTimeoutS,
          now,
          signal: replayAbort.signal,
        }),
      );
    }
    if (replay.sweep && replay.sweep.kneeRatePerS === null && !crashed && !input.signal.aborted) {
      failure = new MinerbenchError(
        'SWEEP_INFEASIBLE',
        `--arrival sweep: no step kept p99 under the ${replay.sweep.timeoutMs} ms timeout at >= ${replay.sweep.minSuccess * 100}% success; the run is saved as INVALID`,
        {
          hint: `start lower: --sweep-start ${Math.max(0.01, options.sweepStart / 4)}`,
        },
      );
    }
    if (crashed)
      failure = new MinerbenchError('MINER_CRASHED', `${crashed}; the run is saved as failed with what was measured`, {
        hint: 'see the miner log in the run folder',
      });
    else if (input.signal.aborted)
      failure = new MinerbenchError(
        'INTERRUPTED',
        `interrupted (${String(input.signal.reason ?? 'signal')}); the run is saved with what was measured`,
      );
  } catch (e) {
    failure = asMinerbenchError(e, 'RUNTIME_FAILED');
  } finally {
    input.signal.removeEventListener('abort', onOuterAbort);
    emit({ type: 'phase', phase: 'stop' });
    transport.close();
    const artifact = await gpus?.stopSampler();
    if (artifact) writeFileAtomic(path.join(folder.artifactsDir, 'gpu-samples.json'), JSON.stringify(artifact));
    gpus?.release();
    writeFileSync(folder.buildLog, buildLog);
    try {
      await runtime.stop();
    } catch (e) {
      emit({ type: 'warning', message: `could not remove the miner: ${(e as Error).message}` });
    }
    writeFileSync(folder.minerLog, await runtime.logs());
  }

  emit({ type: 'phase', phase: 'evaluate' });
  const result = evaluateRun({
    runId,
    profile,
    options,
    queriesFile,
    queries,
    replay,
    failure,
    startedAt,
    endedAt: new Date(),
    docker: probe ? { version: probe.version, apiVersion: probe.apiVersion } : null,
    runtime: runtime.describe(),
    folder,
    gpuProbe: gpuPlan.probe,
    gpus,
    idle,
  });
  if (input.chain) {
    const { loaded, options: earningsOptions } = input.chain;
    result.chain = chainUsed(loaded.snapshot, loaded.origin);
    const e = runEarnings(result, loaded.snapshot, profile.validator.queriesPerMinerPerMinute / 60, earningsOptions);
    result.earnings = e.earnings;
    for (const w of loaded.warnings) result.warnings.push(`chain: ${w}`);
    if (e.warning) result.warnings.push(e.warning);
  }
  emit({ type: 'phase', phase: 'store' });
  writeFileAtomic(folder.records, replay ? replay.records.map((r) => JSON.stringify(r)).join('\n') + '\n' : '');
  writeFileAtomic(folder.result, JSON.stringify(result, null, 2));
  try {
    storeRun(path.resolve(input.cwd, options.out), result, folder.result);
  } catch (e) {
    emit({
      type: 'warning',
      message: `result saved but not indexed (${(e as Error).message}); index it later with: minerbench import ${folder.dir}`,
    });
  }
  emit({ type: 'phase', phase: 'render' });
  renderRunReport(result, folder);
  return { result, folder, reaped, ...(failure ? { failure } : {}) };
}
