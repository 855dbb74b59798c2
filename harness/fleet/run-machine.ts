// runMachine: one machine's night: connect, clean, runner image, start the runner, follow it, copy runs back, clean up.
import type Docker from 'dockerode';
import { asMinerbenchError, MinerbenchError } from '../errors.ts';
import { removeRunnerAndMiners, removeStaleRunners } from './clean-machine.ts';
import { copyRunBack } from './copy-run-back.ts';
import {
  pendingJobs,
  readLedger,
  writeLedger,
  type LedgerJob,
  type MachineNight,
  type MachineStatus,
} from './fleet-ledger.ts';
import type { FleetMachine, ResolvedFleet } from './fleet-machine.ts';
import { followRunner } from './follow-runner.ts';
import { connectMachine } from './machine-docker.ts';
import type { MachineEvent, MachineOutcome } from './machine-outcome.ts';
import type { RunnerImages } from './runner-image.ts';
import type { RunnerMessage } from './runner-message.ts';
import { runnerSpec } from './runner-spec.ts';

export interface RunMachineInput {
  machine: FleetMachine;
  night: string;
  resultsDir: string;
  runner: ResolvedFleet['runner'];
  images: RunnerImages;
  signal: AbortSignal;
  emit: (e: MachineEvent) => void;
  /** Called with each run folder once it is copied back: the import into the central index. */
  onRun: (dir: string, job: LedgerJob) => Promise<void>;
  /** Silence after which the engine is pinged (tests shorten it). */
  idleMs?: number;
}

export async function runMachine(input: RunMachineInput): Promise<MachineOutcome> {
  const t0 = performance.now();
  const m = input.machine;
  const prev = readLedger(input.resultsDir, input.night, m.name);
  const pending = pendingJobs(m.jobs, prev);
  const ledger: MachineNight = {
    machine: m.name,
    night: input.night,
    endpoint: m.endpoint,
    labels: m.labels,
    status: 'running',
    startedAt: new Date().toISOString(),
    attempts: (prev?.attempts ?? 0) + 1,
    planned: m.jobs.length,
    jobs: { ...(prev?.jobs ?? {}) },
  };
  const out: MachineOutcome = {
    machine: m.name,
    status: 'running',
    ran: 0,
    skipped: m.jobs.length - pending.length,
    failedJobs: 0,
    timings: { copyBackMs: [] },
    warnings: [],
  };
  const status = (text: string) => input.emit({ type: 'status', machine: m.name, text });
  const finish = (s: MachineStatus, e?: MinerbenchError): MachineOutcome => {
    ledger.status = s;
    ledger.endedAt = new Date().toISOString();
    if (e) ledger.error = { code: e.code, message: e.message };
    writeLedger(input.resultsDir, ledger);
    out.status = s;
    if (e) out.error = { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
    out.timings.totalMs = performance.now() - t0;
    return out;
  };
  if (!pending.length) {
    status(`all ${m.jobs.length} job(s) of night ${input.night} are already done: nothing to run`);
    return finish('completed');
  }
  if (out.skipped)
    status(`resuming night ${input.night}: ${out.skipped} job(s) already done, ${pending.length} to run`);
  writeLedger(input.resultsDir, ledger);

  let docker: Docker;
  try {
    docker = (await connectMachine(m)).docker;
  } catch (e) {
    return finish('unreachable', asMinerbenchError(e, 'DOCKER_UNREACHABLE'));
  }
  out.timings.connectMs = performance.now() - t0;
  let container: Docker.Container | undefined;
  let runnerPid: number | undefined;
  try {
    const stale = await removeStaleRunners(docker, m.name);
    if (stale.running.length) {
      throw new MinerbenchError(
        'FLEET_RUNNER_FAILED',
        `a runner is still running on ${m.name} (${stale.running.join(', ')}): another fleet run is using this machine`,
        {
          hint: 'wait for it to end, or remove it (docker rm -f) if its coordinator is gone',
        },
      );
    }
    if (stale.removed.length)
      status(`removed ${stale.removed.length} runner container(s) left by an earlier fleet run`);
    const tImage = performance.now();
    const image = await input.images.ensure(docker, {
      machine: m.name,
      signal: input.signal,
      ...(input.runner.baseImage ? { baseImage: input.runner.baseImage } : {}),
    });
    out.timings.imageMs = performance.now() - tImage;
    out.timings.imageHow = image.how;
    status(
      `runner image ${image.tag} (${image.how}, ${(out.timings.imageMs / 1000).toFixed(1)} s); ${pending.length} job(s)`,
    );
    container = await docker.createContainer(
      runnerSpec({
        machine: m.name,
        night: input.night,
        image: image.tag,
        jobs: pending,
        hostSocket: m.hostSocket,
        gpus: m.gpus,
        ...(input.runner.minerBaseImage ? { minerBaseImage: input.runner.minerBaseImage } : {}),
      }),
    );
    await container.start();
    runnerPid = (await container.inspect()).State.Pid;
    const c = container;
    let timedOut = false;
    const stop = () => void c.stop({ t: 30 }).catch(() => undefined);
    const timer = setTimeout(() => ((timedOut = true), stop()), input.runner.timeoutMs);
    input.signal.addEventListener('abort', stop, { once: true });
    let copies = Promise.resolve();
    let done: Extract<RunnerMessage, { t: 'done' }> | undefined;
    const collect = async (msg: Extract<RunnerMessage, { t: 'job-end' }>) => {
      const job = pending.find((j) => j.key === msg.key);
      if (!job) return;
      const lj: LedgerJob = {
        key: job.key,
        subnet: job.subnet,
        scenario: job.scenario,
        repeat: job.repeat,
        runId: msg.runId,
        status: msg.status,
        ...(msg.verdict ? { verdict: msg.verdict } : {}),
        ...(msg.error ? { error: msg.error } : {}),
        endedAt: new Date().toISOString(),
      };
      let dir: string | undefined;
      if (msg.runId) {
        const tc = performance.now();
        try {
          dir = await copyRunBack(c, msg.runId, input.resultsDir);
          out.timings.copyBackMs.push(performance.now() - tc);
        } catch (e) {
          Object.assign(lj, {
            status: 'failed',
            error: {
              code: 'FLEET_RUNNER_FAILED',
              message: `copying run ${msg.runId} back failed: ${(e as Error).message}`,
            },
          });
        }
      }
      if (lj.status === 'completed') out.ran++;
      else out.failedJobs++;
      ledger.jobs[job.key] = lj;
      writeLedger(input.resultsDir, ledger);
      if (dir)
        await input.onRun(dir, lj).catch((e: Error) => out.warnings.push(`importing ${dir} failed: ${e.message}`));
      input.emit({ type: 'job-end', machine: m.name, job: lj, ...(dir ? { runDir: dir } : {}) });
    };
    const follow = await followRunner(docker, c, {
      ping: () => docker.ping(),
      ...(input.idleMs ? { idleMs: input.idleMs } : {}),
      onMessage: (msg) => {
        if (msg.t === 'event') {
          if (msg.event.type === 'phase' && msg.event.phase === 'measure')
            out.timings.startToFirstQueryMs ??= performance.now() - t0;
          input.emit({ type: 'run', machine: m.name, key: msg.key, event: msg.event });
        } else if (msg.t === 'job-end') copies = copies.then(() => collect(msg));
        else if (msg.t === 'done') done = msg;
      },
    });
    await copies;
    clearTimeout(timer);
    input.signal.removeEventListener('abort', stop);
    const of = `after ${out.ran} of ${pending.length} job(s)`;
    if (input.signal.aborted)
      return finish('interrupted', new MinerbenchError('INTERRUPTED', `interrupted ${of}; finished runs are kept`));
    if (timedOut)
      return finish(
        'failed',
        new MinerbenchError(
          'FLEET_RUNNER_FAILED',
          `the runner did not finish within ${input.runner.timeoutMs / 60_000} min (stopped ${of})`,
          { hint: 'raise runner.timeoutMinutes or shorten the plan' },
        ),
      );
    if (follow.lost || !done) {
      const state = await c.inspect().then(
        (i) => i.State,
        (e: Error) => e,
      );
      const why =
        state instanceof Error
          ? `the engine at ${m.endpoint} stopped answering mid-plan (${follow.lost ?? state.message})`
          : `the runner exited with code ${state.ExitCode}${state.OOMKilled ? ' (out of memory)' : ''} before finishing`;
      throw new MinerbenchError(
        state instanceof Error ? 'DOCKER_UNREACHABLE' : 'FLEET_RUNNER_FAILED',
        `${why} ${of}; finished runs are kept`,
        {
          details: follow.stderrTail.slice(-8).map((l) => `runner: ${l}`),
          hint: 'the next fleet run of the same night resumes with the jobs that did not finish',
        },
      );
    }
    return finish(out.failedJobs ? 'incomplete' : 'completed');
  } catch (e) {
    return finish('failed', asMinerbenchError(e, 'FLEET_RUNNER_FAILED'));
  } finally {
    if (container) {
      try {
        const left = await removeRunnerAndMiners(docker, container, runnerPid);
        if (left.length) out.warnings.push(`removed miner container(s) the runner left: ${left.join(', ')}`);
      } catch (e) {
        out.warnings.push(
          `could not clean up on ${m.name} (${(e as Error).message}); the next fleet run there removes what is left`,
        );
      }
    }
  }
}
