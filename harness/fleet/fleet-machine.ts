// FleetMachine and ResolvedFleet: a validated fleet file with paths resolved and each machine's jobs expanded.
import type { FleetJob } from './fleet-job.ts';
import type { Plan } from './plan-schema.ts';

export type EndpointKind = 'unix' | 'tcp-tls' | 'tcp-insecure' | 'ssh';

export interface FleetMachine {
  name: string;
  /** The endpoint URL as written (never a key). */
  endpoint: string;
  kind: EndpointKind;
  tls?: { ca: string; cert: string; key: string };
  sshKey?: string;
  /** The engine's socket on the host, bind-mounted into the runner. */
  hostSocket: string;
  /** 'all', or GPU indexes / UUIDs; [] for none. */
  gpus: 'all' | string[];
  labels: Record<string, string>;
  jobs: FleetJob[];
}

export interface ResolvedFleet {
  file: string;
  name: string;
  planFile: string;
  plan: Plan;
  resultsDir: string;
  concurrency: number;
  baselineNights: number;
  runner: { baseImage?: string; minerBaseImage?: string; timeoutMs: number };
  machines: FleetMachine[];
  /** Things to say before starting (plain TCP under --insecure). */
  warnings: string[];
}
