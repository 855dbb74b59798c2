// RunnerMessage: the JSON lines a fleet runner writes on stdout for the coordinator; encode and parse them.
import type { RunEvent } from '../model/run-events.ts';

export type RunnerMessage =
  | { t: 'hello'; version: string; jobs: number; hostname: string }
  | { t: 'job-start'; key: string }
  | { t: 'event'; key: string; event: RunEvent }
  | {
      t: 'job-end';
      key: string;
      /** null when the job failed before a run folder existed (e.g. unknown subnet in this runner image). */
      runId: string | null;
      status: 'completed' | 'failed' | 'interrupted';
      verdict?: 'VALID' | 'INVALID';
      error?: { code: string; message: string };
    }
  | { t: 'beat' }
  | { t: 'done'; interrupted: boolean };

const PREFIX = '@minerbench ';

export function encodeRunnerMessage(m: RunnerMessage): string {
  return `${PREFIX}${JSON.stringify(m)}\n`;
}

/** The message on this stdout line, or null for anything else (a stray print is not a protocol error). */
export function parseRunnerLine(line: string): RunnerMessage | null {
  if (!line.startsWith(PREFIX)) return null;
  try {
    const m = JSON.parse(line.slice(PREFIX.length)) as RunnerMessage;
    return typeof m === 'object' && m !== null && typeof m.t === 'string' ? m : null;
  } catch {
    return null;
  }
}
