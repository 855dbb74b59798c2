// MachineOutcome and MachineEvent: what running one machine's night reports, as it goes and at the end.
import type { RunEvent } from '../model/run-events.ts';
import type { LedgerJob, MachineStatus } from './fleet-ledger.ts';

export type MachineEvent =
  | { type: 'status'; machine: string; text: string }
  | { type: 'run'; machine: string; key: string; event: RunEvent }
  | { type: 'job-end'; machine: string; job: LedgerJob; runDir?: string };

export interface MachineTimings {
  /** Connect and probe the engine. */
  connectMs?: number;
  /** Make sure the runner image is there (present, loaded from another engine, or built). */
  imageMs?: number;
  imageHow?: 'present' | 'built' | 'loaded';
  /** From this machine's start to its first measured query (the coordinator's overhead before measuring). */
  startToFirstQueryMs?: number;
  /** Copying each finished run folder back through the Docker API. */
  copyBackMs: number[];
  totalMs?: number;
}

export interface MachineOutcome {
  machine: string;
  status: MachineStatus;
  error?: { code: string; message: string; hint?: string };
  ran: number;
  /** Jobs skipped because tonight already has their completed run. */
  skipped: number;
  failedJobs: number;
  timings: MachineTimings;
  warnings: string[];
}
