// collectRun: COLLECT: starts the miner (if the workload has one) and the GPU sampler, lets the workload drive it,
// and leaves everything evaluation needs on disk (context, records, responses, queries, GPU samples, chain, logs).
// A failure while collecting is a value in the context, never a lost run.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JsonlWriter } from '../artifacts/jsonl-writer.ts';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import { createRunFolder, runFolder, type RunFolder } from '../artifacts/run-folder.ts';
import type { LoadedSnapshot } from '../chain/load-snapshot-or-default.ts';
import { describeSnapshotAge } from '../chain/default-snapshot.ts';
import { asMinerbenchError, MinerbenchError } from '../errors.ts';
import { pricesOf, type EarningsOptionValues } from '../evaluate/earnings-options.ts';
import { probeMachineFacts } from '../gpu/machine-facts-probe.ts';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import type { RunEventSink } from '../model/run-events.ts';
import { RUN_CONTEXT_KIND, RUN_CONTEXT_VERSION, type RunContext } from '../model/run-context.ts';
import type { ChainUsed } from '../model/result/run-result.ts';
import { hostEnvironment } from '../results/host-environment.ts';
import type { DockerProbe } from '../runtime/docker-client.ts';
import { otherRuns, registerRun } from '../runtime/other-runs.ts';
import { runtimeKind, type RuntimeContext } from '../runtime/runtime-registry.ts';
import { runtimeWarnings } from '../runtime/runtime-warnings.ts';
import type { RuntimeAdapter } from '../runtime/runtime-adapter.ts';
import { ephemeralKeys } from '../transport/ephemeral-keys.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import { MINERBENCH_VERSION } from '../version.ts';
import type { WorkloadCollected } from '../workload/workload-kind.ts';
import { cpuSplit } from './cpu-split.ts';
import { GpuQueue } from './gpu-queue.ts';
import { GpuSession } from './gpu-session.ts';
import type { RunPlan } from './plan-run.ts';
import { servicesOfRun, type OpenedServices } from './run-services.ts';
import { sha256Hex } from '../artifacts/sha256-hex.ts';

export interface CollectInput {
  plan: RunPlan;
  runId: string;
  docker: DockerProbe | undefined;
  chain: LoadedSnapshot | undefined;
  gpuQueue: GpuQueue | undefined;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  emit: RunEventSink;
  /** Said by the probe step (orphans reaped, other runs on this machine...). */
  warnings: string[];
  validityNotes: string[];
  /** Other minerbench runs seen on this machine when the run started. */
  othersAtStart: string[];
}

export interface Collected {
  folder: RunFolder;
  /** Set when the run started but did not complete (crash, interrupt, build failure): the context says so too. */
  failure: MinerbenchError | undefined;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** The chain snapshot reduced to the run's subnet, kept beside the run so earnings can be recomputed later. */
function chainOfSubnet(s: ChainSnapshot, netuid: number): ChainSnapshot {
  return { ...s, subnets: s.subnets.filter((x) => x.netuid === netuid) };
}

export async function collectRun(i: CollectInput): Promise<Collected> {
  const { plan, emit } = i;
  const o = plan.options;
  const wp = plan.workloadPlan;
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const gpus =
    plan.gpuPlan.request && plan.gpuPlan.probe.available
      ? await GpuSession.open(
          i.runId,
          plan.gpuPlan.probe.inventory,
          i.gpuQueue ?? new GpuQueue(),
          plan.gpuPlan.request,
          now,
          i.env,
          i.signal,
          (why) => emit({ type: 'phase', phase: 'probe', detail: `waiting for GPUs: ${why}` }),
        )
      : undefined;
  // What the subnet's gates look at, read once the GPUs are assigned: those GPUs, or every GPU when none were.
  const assignedUuids = new Set(gpus?.assignment.samplerUuids ?? []);
  const machineFacts = await probeMachineFacts({
    smi: { env: i.env },
    gpuIndices: gpus
      ? plan.gpuPlan.probe.available
        ? plan.gpuPlan.probe.inventory.gpus
            .filter((g) => g.uuid !== null && assignedUuids.has(g.uuid))
            .map((g) => g.index)
        : []
      : null,
  });
  // The folder only once the GPUs are ours: a GPU that does not exist is refused with nothing written.
  const folder = runFolder(plan.outDir, i.runId);
  createRunFolder(folder);
  if (wp.queries) copyFileSync(wp.queries.file, folder.queries);
  const lawTable = plan.law.tableCopy;
  if (lawTable) writeFileAtomic(folder.lawTable, lawTable.text);
  const startedAt = new Date();
  const warnings = [...plan.warnings, ...i.warnings, ...(gpus?.assignment.warnings ?? [])];
  for (const w of gpus?.assignment.warnings ?? []) emit({ type: 'warning', message: w });
  const keys = await ephemeralKeys();
  let buildLog = '';
  const split = cpuSplit();
  const miner = wp.miner;
  const ready = miner ? wp.readyProbe?.(keys.dendrite) : undefined;
  // Made once the services (if any) are up: the miner's network and environment come from them.
  const makeRuntime = (extra: Pick<RuntimeContext, 'runNetwork' | 'minerEnv'>): RuntimeAdapter | undefined =>
    miner
      ? runtimeKind(String(o.runtime)).create({
          ...extra,
          runId: i.runId,
          profile: miner,
          pluginDir: plan.pluginDir,
          minerHotkey: o.minerHotkey ?? keys.miner.address,
          gpuDeviceIds: gpus?.assignment.deviceIds ?? [],
          ...(split.miners ? { cpusetCpus: split.miners } : {}),
          ...(o.baseImage ? { baseImage: o.baseImage } : {}),
          readyProbe: (ep) => (ready ? ready.probe(ep, now) : Promise.resolve(true)),
          now,
          env: i.env,
          onBuildLog: (t) => (buildLog += t),
          minerEgress: o.minerEgress === true,
          ...(i.docker ? { docker: i.docker.docker } : {}),
          ...(o.endpoint
            ? {
                endpoint: {
                  host: o.endpoint.split(':')[0]!,
                  port: Number(o.endpoint.split(':')[1]),
                  hotkey: o.minerHotkey ?? '',
                },
              }
            : {}),
        })
      : undefined;

  const lock = registerRun(i.runId);
  const collectAbort = new AbortController();
  const interrupt = new AbortController();
  const onOuterAbort = () => {
    interrupt.abort(i.signal.reason);
    collectAbort.abort(String(i.signal.reason ?? 'interrupted'));
  };
  i.signal.addEventListener('abort', onOuterAbort, { once: true });
  const records = new JsonlWriter(folder.records);
  const responses = new JsonlWriter(folder.responses);
  let failure: MinerbenchError | undefined;
  let crashed: string | undefined;
  let idle: { startMs: number; endMs: number } | null = null;
  let collected: WorkloadCollected | undefined;
  let runtime: RuntimeAdapter | undefined;
  let opened: OpenedServices | undefined;
  try {
    let endpoint: MinerEndpoint | null = null;
    // The services first, on an address the miner's network reaches; the miner then starts with their addresses.
    opened = await servicesOfRun(plan, i.runId, i.docker?.docker, folder, now, i.signal, emit, warnings);
    runtime = makeRuntime(
      opened ? { ...(opened.network ? { runNetwork: opened.network } : {}), minerEnv: { ...opened.services.env } } : {},
    );
    if (runtime) {
      emit({
        type: 'phase',
        phase: 'build',
        detail: `${o.runtime}: ${miner?.miner.build ?? miner?.miner.image ?? o.endpoint}`,
      });
      endpoint = await runtime.start(i.signal);
      emit({ type: 'phase', phase: 'ready', detail: `${endpoint.host}:${endpoint.port}` });
      await runtime.waitReady(endpoint, i.signal);
      void runtime.exited().then((e) => {
        crashed = `the miner exited with code ${e.exitCode}${e.oomKilled ? ' (out of memory)' : ''} at ${(e.atMs / 1000).toFixed(1)} s`;
        collectAbort.abort(crashed);
      });
    }
    if (gpus) {
      await gpus.startSampler(o.samplePeriodMs, folder.gpuSampleLines);
      if (o.idleS > 0) {
        emit({ type: 'phase', phase: 'warmup', detail: `idle power baseline, ${o.idleS} s` });
        const start = now();
        await sleep(o.idleS * 1000, collectAbort.signal);
        idle = { startMs: start, endMs: now() };
      }
    }
    collected = await plan.workload.collect(
      {
        runId: i.runId,
        profile: plan.profile,
        pluginDir: plan.pluginDir,
        options: o,
        folder,
        endpoint,
        signer: keys.dendrite,
        now,
        signal: collectAbort.signal,
        interrupt: interrupt.signal,
        emit,
        records,
        responses,
        services: opened?.services.instances ?? {},
        ...(opened ? { rewriteQuery: opened.services.rewriteQuery } : {}),
        program: {
          gpuDeviceIds: gpus?.assignment.deviceIds ?? [],
          env: i.env,
          onBuildLog: (t) => (buildLog += t),
          ...(i.docker ? { docker: i.docker.docker } : {}),
          ...(split.miners ? { cpusetCpus: split.miners } : {}),
          ...(o.baseImage ? { baseImage: o.baseImage } : {}),
        },
      },
      wp,
    );
    const sweep = collected.replay?.sweep;
    if (sweep && sweep.kneeRatePerS === null && !crashed && !i.signal.aborted) {
      failure = new MinerbenchError(
        'SWEEP_INFEASIBLE',
        `--arrival sweep: no step kept p99 under the ${sweep.timeoutMs} ms timeout at >= ${sweep.minSuccess * 100}% success; the run is saved as INVALID`,
        { hint: `start lower: --sweep-start ${Math.max(0.01, Number(o.sweepStart ?? 1) / 4)}` },
      );
    }
    if (crashed)
      failure = new MinerbenchError('MINER_CRASHED', `${crashed}; the run is saved as failed with what was measured`, {
        hint: 'see the miner log in the run folder',
      });
    else if (i.signal.aborted)
      failure = new MinerbenchError(
        'INTERRUPTED',
        `interrupted (${String(i.signal.reason ?? 'signal')}); the run is saved with what was measured`,
      );
  } catch (e) {
    failure = asMinerbenchError(e, 'RUNTIME_FAILED');
  } finally {
    i.signal.removeEventListener('abort', onOuterAbort);
    // Another minerbench on this machine at the start or at the end shares its cores, memory and GPUs with this one.
    const othersAtEnd = await otherRuns(i.docker ? { docker: i.docker.docker } : {}).catch(() => []);
    for (const d of new Set([...i.othersAtStart, ...othersAtEnd.map((x) => x.detail)]))
      i.validityNotes.push(`another minerbench run shared this machine: ${d}`);
    emit({ type: 'phase', phase: 'stop' });
    ready?.close();
    const artifact = await gpus?.stopSampler().catch((e: Error) => {
      failure ??= new MinerbenchError('STORE_FAILED', `could not write the GPU samples: ${e.message}`);
      return undefined;
    });
    if (artifact) writeFileAtomic(folder.gpuSamples, JSON.stringify(artifact));
    gpus?.release();
    try {
      await records.close();
      await responses.close();
    } catch (e) {
      failure ??= new MinerbenchError('STORE_FAILED', `could not write the run's records: ${(e as Error).message}`);
    }
    try {
      writeFileSync(folder.buildLog, buildLog);
      if (runtime) {
        try {
          await runtime.stop();
        } catch (e) {
          emit({ type: 'warning', message: `could not remove the miner: ${(e as Error).message}` });
        }
        writeFileSync(folder.minerLog, await runtime.logs());
        for (const w of runtimeWarnings(runtime.describe())) {
          warnings.push(w);
          emit({ type: 'warning', message: w });
        }
      } else writeFileSync(folder.minerLog, collected?.program?.log ?? '');
      for (const w of collected?.program ? runtimeWarnings(collected.program.runtime) : []) {
        warnings.push(w);
        emit({ type: 'warning', message: w });
      }
    } finally {
      // After the miner (it may be mid-upload): the services, their artifacts, then the network they listened on.
      for (const w of (await opened?.close()) ?? []) {
        warnings.push(w);
        emit({ type: 'warning', message: w });
      }
    }
    lock.release();
  }

  let chain: ChainUsed | null = null;
  if (i.chain) {
    const snap = chainOfSubnet(i.chain.snapshot, plan.profile.netuid);
    writeFileAtomic(folder.chainSnapshot, JSON.stringify(snap));
    chain = {
      origin: i.chain.origin,
      network: snap.source.network,
      specVersion: snap.chain.specVersion,
      block: snap.block.number,
      blockHash: snap.block.hash,
      blockTime: snap.block.time,
      description: describeSnapshotAge(snap),
    };
    for (const w of i.chain.warnings) warnings.push(`chain: ${w}`);
  }
  const gp = plan.gpuPlan.probe;
  const assigned = assignedUuids;
  const win = collected?.window;
  const context: RunContext = {
    kind: RUN_CONTEXT_KIND,
    version: RUN_CONTEXT_VERSION,
    runId: i.runId,
    minerbenchVersion: MINERBENCH_VERSION,
    subnet: { id: plan.profile.id, netuid: plan.profile.netuid, title: plan.profile.title },
    profile: { file: plan.profileFile, sha256: plan.profileSha256 },
    workload: { kind: plan.workload.kind, description: wp.description, measuredPath: wp.measuredPath ?? null },
    law: {
      kind: plan.law.law.kind,
      table: lawTable ? { file: lawTable.file, origin: lawTable.origin, sha256: lawTable.sha256 } : null,
    },
    options: scalarOptions(o),
    origin: plan.origin,
    queries: wp.queries
      ? {
          file: path.relative(plan.cwd, wp.queries.file) || wp.queries.file,
          sha256: sha256Hex(readFileSync(wp.queries.file)),
          count: wp.queries.lines.length,
        }
      : null,
    timeout: wp.timeout,
    validatorQps: wp.validatorQps,
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    environment: {
      ...hostEnvironment(),
      docker: i.docker ? { version: i.docker.version, apiVersion: i.docker.apiVersion } : null,
      runtime: runtime?.describe() ?? collected?.program?.runtime ?? { kind: 'none' },
      cpuSplit: { harness: split.harness ?? null, miners: split.miners ?? null },
      gpus: !gp.available
        ? { available: false, reason: gp.reason }
        : {
            available: true,
            driver: gp.inventory.driverVersion,
            cuda: gp.inventory.cudaVersion,
            devices: gp.inventory.gpus.map((g) => ({
              index: g.index,
              uuid: g.uuid ?? '',
              name: g.name ?? 'unknown',
              powerLimitW: g.power.enforcedLimitW,
              assigned: g.uuid !== null && assigned.has(g.uuid),
            })),
            assignedDeviceIds: gpus?.assignment.deviceIds ?? [],
          },
    },
    machineFacts,
    phases: win ? { idle, warmup: win.warmup, measure: win.measure } : null,
    replay: collected?.replay ?? null,
    caching: collected?.caching ?? null,
    chain,
    prices: pricesOf(o as unknown as EarningsOptionValues),
    pue: o.pue,
    tenureDays: o.tenureDays,
    failure: failure ? failure.toJSON() : null,
    warnings,
    validityNotes: i.validityNotes,
  };
  writeFileAtomic(folder.context, JSON.stringify(context, null, 2));
  return { folder, failure };
}

function scalarOptions(o: Readonly<Record<string, unknown>>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(o))
    out[k] =
      v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  return out;
}
