// runFleetJobs: inside the runner container, runs one machine's jobs one after another and reports each as a JSON line.
import os from 'node:os';
import { asMinerbenchError } from '../errors.ts';
import { runBenchmark } from '../run/run-benchmark.ts';
import { MINERBENCH_VERSION } from '../version.ts';
import type { FleetJob } from './fleet-job.ts';
import { encodeRunnerMessage, type RunnerMessage } from './runner-message.ts';

export interface RunFleetJobsInput {
  jobs: FleetJob[];
  /** Where run folders go inside the runner (/out/runs/<runId>). */
  out: string;
  baseImage?: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  write: (text: string) => void;
  /** Seconds between heartbeats, so the coordinator can tell a silent runner from a dead machine. */
  beatS?: number;
}

export async function runFleetJobs(input: RunFleetJobsInput): Promise<void> {
  const send = (m: RunnerMessage) => input.write(encodeRunnerMessage(m));
  send({ t: 'hello', version: MINERBENCH_VERSION, jobs: input.jobs.length, hostname: os.hostname() });
  const beat = setInterval(() => send({ t: 'beat' }), (input.beatS ?? 10) * 1000);
  try {
    for (const job of input.jobs) {
      if (input.signal.aborted) break;
      send({ t: 'job-start', key: job.key });
      let lastProgress = 0;
      try {
        const o = await runBenchmark({
          subnet: job.subnet,
          flags: { ...job.options, out: input.out, ...(input.baseImage ? { baseImage: input.baseImage } : {}) },
          env: input.env,
          cwd: input.out,
          signal: input.signal,
          onEvent: (event) => {
            if (event.type === 'progress') {
              if (event.elapsedS - lastProgress < 2 && event.done !== event.total) return;
              lastProgress = event.elapsedS;
            }
            send({ t: 'event', key: job.key, event });
          },
        });
        send({
          t: 'job-end',
          key: job.key,
          runId: o.folder.runId,
          status: o.result.status,
          verdict: o.result.validity.verdict,
          ...(o.failure ? { error: { code: o.failure.code, message: o.failure.message } } : {}),
        });
      } catch (e) {
        const err = asMinerbenchError(e);
        send({
          t: 'job-end',
          key: job.key,
          runId: null,
          status: input.signal.aborted ? 'interrupted' : 'failed',
          error: { code: err.code, message: err.message },
        });
      }
    }
  } finally {
    clearInterval(beat);
    send({ t: 'done', interrupted: input.signal.aborted });
  }
}
