// runBenchmark: one subnet on this machine, end to end: validate, collect (Docker), evaluate, store, render.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSubnet } from '../config/subnet-registry.ts';
import { resolveRunOptions, type RunOptions } from '../config/run-options.ts';
import { asMinerbenchError, MinerbenchError } from '../errors.ts';
import { runClosedLoop, type ReplayOutput } from '../load/closed-loop.ts';
import { readQueriesFile } from '../load/queries-file.ts';
import { connectDocker } from '../runtime/docker-client.ts';
import { dockerOptionsFromEnv } from '../runtime/docker-endpoint.ts';
import { DockerRuntime } from '../runtime/docker.ts';
import { reapOrphans } from '../runtime/reap-orphans.ts';
import { ephemeralKeys } from '../transport/ephemeral-keys.ts';
import { createTransport } from '../transport/transport-registry.ts';
import { writeFileAtomic } from '../results/atomic-write.ts';
import { createRunFolder, newRunId, runFolder, type RunFolder } from '../results/run-folder.ts';
import type { RunResult } from '../results/run-result.ts';
import { evaluateRun } from './evaluate-run.ts';
import type { RunEventSink } from './run-events.ts';
import { renderRunReport } from './render-run-report.ts';

export interface RunBenchmarkInput {
  subnet: string;
  flags: Partial<RunOptions>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal: AbortSignal;
  onEvent?: RunEventSink;
  /** Where subnet plugins live (tests point this at fixtures). */
  subnetsDir?: string;
}

export interface RunBenchmarkOutput {
  result: RunResult;
  folder: RunFolder;
  /** Orphan containers of earlier killed runs that were removed first. */
  reaped: string[];
  /** Set when the run started but did not complete (crash, interrupt, build failure): result.json says so too. */
  failure?: MinerbenchError;
}

export async function runBenchmark(input: RunBenchmarkInput): Promise<RunBenchmarkOutput> {
  const emit = input.onEvent ?? (() => {});
  // VALIDATE: everything that can be checked before a side effect.
  emit({ type: 'phase', phase: 'validate' });
  const options = resolveRunOptions(input.flags, input.env);
  const { profile, dir } = await loadSubnet(input.subnet, input.subnetsDir);
  const queriesFile = path.resolve(dir, profile.queries);
  const queries = readQueriesFile(queriesFile, { allowedSynapses: [profile.transport.synapse] });
  if (profile.miner.gpus > 0) {
    throw new MinerbenchError('GPU_UNAVAILABLE', `the ${profile.id} miner needs ${profile.miner.gpus} GPU(s) and GPU runs are not wired into this build yet`, {
      hint: 'run a CPU-only subnet, or use a minerbench version with GPU assignment',
    });
  }
  if (options.gpus) {
    throw new MinerbenchError('GPU_SELECTION_INVALID', `--gpus ${options.gpus} was given but this build cannot pass GPUs to miners yet`, { hint: 'leave out --gpus' });
  }

  // PROBE
  emit({ type: 'phase', phase: 'probe' });
  const probe = await connectDocker(dockerOptionsFromEnv(input.env));
  const reaped = await reapOrphans(probe.docker);
  for (const id of reaped) emit({ type: 'warning', message: `removed a container left by the killed run ${id}` });

  const runId = newRunId(profile.id);
  const folder = runFolder(path.resolve(input.cwd, options.out), runId);
  createRunFolder(folder);
  const startedAt = new Date();
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const keys = await ephemeralKeys();
  const transport = createTransport(profile.transport, { signer: keys.dendrite });
  let buildLog = '';
  const runtime = new DockerRuntime({
    docker: probe.docker,
    runId,
    profile,
    pluginDir: dir,
    minerHotkey: keys.miner.address,
    ...(options.baseImage ? { baseImage: options.baseImage } : {}),
    readyProbe: async (ep) => {
      const o = await transport.send({ t: 0, synapse: profile.miner.ready.synapse, body: {}, line: 0 }, ep, { timeoutS: 2, now, session: 'ready' });
      return o.status === 'ok';
    },
    now,
    onBuildLog: (t) => (buildLog += t),
  });

  const replayAbort = new AbortController();
  const onOuterAbort = () => replayAbort.abort(String(input.signal.reason ?? 'interrupted'));
  input.signal.addEventListener('abort', onOuterAbort, { once: true });
  let replay: ReplayOutput | undefined;
  let failure: MinerbenchError | undefined;
  let crashed: string | undefined;
  try {
    emit({ type: 'phase', phase: 'build', detail: profile.miner.build ?? profile.miner.image });
    const endpoint = await runtime.start(input.signal);
    emit({ type: 'phase', phase: 'ready', detail: `${endpoint.host}:${endpoint.port}` });
    await runtime.waitReady(endpoint, input.signal);
    void runtime.exited().then((e) => {
      crashed = `the miner exited with code ${e.exitCode}${e.oomKilled ? ' (out of memory)' : ''} at ${(e.atMs / 1000).toFixed(1)} s`;
      replayAbort.abort(crashed);
    });
    const count = options.queries ?? queries.length;
    const total = options.durationS === null ? options.warmup + count : null;
    let done = 0;
    let okDone = 0;
    let lastEmit = 0;
    emit({ type: 'phase', phase: 'measure', detail: `${options.warmup} warm-up + ${options.durationS === null ? `${count} queries` : `${options.durationS} s`}, ${options.concurrency} concurrent` });
    replay = await runClosedLoop({
      queries,
      count,
      ...(options.durationS === null ? {} : { durationS: options.durationS }),
      warmup: options.warmup,
      concurrency: options.concurrency,
      transport,
      endpoint,
      timeoutS: options.timeoutS ?? profile.validator.timeoutS,
      now,
      signal: replayAbort.signal,
      onRecord: (r) => {
        done++;
        if (r.status === 'ok') okDone++;
        const t = now();
        if (t - lastEmit > 500 || done === total) {
          lastEmit = t;
          const elapsedS = t / 1000;
          const rate = okDone / Math.max(elapsedS, 1e-3);
          emit({ type: 'progress', done, total, okQps: rate, elapsedS, remainingS: total === null ? Math.max(0, (options.durationS ?? 0) - elapsedS) : rate > 0 ? (total - done) / rate : null });
        }
      },
    });
    if (crashed) failure = new MinerbenchError('MINER_CRASHED', `${crashed}; the run is saved as failed with what was measured`, { hint: 'see the miner log in the run folder' });
    else if (input.signal.aborted) failure = new MinerbenchError('INTERRUPTED', `interrupted (${String(input.signal.reason ?? 'signal')}); the run is saved with what was measured`);
  } catch (e) {
    failure = asMinerbenchError(e, 'RUNTIME_FAILED');
  } finally {
    input.signal.removeEventListener('abort', onOuterAbort);
    emit({ type: 'phase', phase: 'stop' });
    transport.close();
    writeFileSync(folder.buildLog, buildLog);
    try {
      await runtime.stop();
    } catch (e) {
      emit({ type: 'warning', message: `could not remove the miner container: ${(e as Error).message}` });
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
    docker: { version: probe.version, apiVersion: probe.apiVersion },
    runtime: runtime.describe(),
    folder,
  });
  emit({ type: 'phase', phase: 'store' });
  writeFileAtomic(folder.records, replay ? replay.records.map((r) => JSON.stringify(r)).join('\n') + '\n' : '');
  writeFileAtomic(folder.result, JSON.stringify(result, null, 2));
  emit({ type: 'phase', phase: 'render' });
  renderRunReport(result, folder);
  return { result, folder, reaped, ...(failure ? { failure } : {}) };
}
