// runnerSpec: dockerode create options for a fleet runner: the host's Docker socket and GPUs, host network and PIDs. Pure.
import type Docker from 'dockerode';
import type { FleetJob } from './fleet-job.ts';

export const RUNNER_LABEL = 'minerbench.fleet.machine';
export const NIGHT_LABEL = 'minerbench.fleet.night';
export const RUNNER_OUT = '/out';
/** Where the host's engine socket appears inside the runner (and only there: miners never get it). */
const SOCKET_IN_RUNNER = '/var/run/docker.sock';

export interface RunnerSpecInput {
  machine: string;
  night: string;
  image: string;
  jobs: FleetJob[];
  /** The engine's socket path on the host. */
  hostSocket: string;
  gpus: 'all' | string[];
  minerBaseImage?: string;
}

export function runnerSpec(s: RunnerSpecInput): Docker.ContainerCreateOptions {
  const deviceRequests =
    s.gpus === 'all'
      ? [{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu', 'utility']] }]
      : s.gpus.length
        ? [{ Driver: 'nvidia', DeviceIDs: [...s.gpus], Capabilities: [['gpu', 'utility']] }]
        : [];
  return {
    name: `minerbench-runner-${s.machine}-${s.night}-${Date.now().toString(36)}`,
    Image: s.image,
    Cmd: ['fleet', 'runner', '--out', RUNNER_OUT],
    // The jobs travel as data; no key, certificate or coordinator path is ever passed in.
    Env: [
      `MINERBENCH_FLEET_JOBS=${JSON.stringify(s.jobs)}`,
      `MINERBENCH_MACHINE_NAME=${s.machine}`,
      ...(s.minerBaseImage ? [`MINERBENCH_BASE_IMAGE=${s.minerBaseImage}`] : []),
    ],
    Labels: { [RUNNER_LABEL]: s.machine, [NIGHT_LABEL]: s.night },
    HostConfig: {
      Binds: [`${s.hostSocket}:${SOCKET_IN_RUNNER}`],
      // Host network: the miners publish on the host's loopback, so replay goes over loopback as in a local run.
      NetworkMode: 'host',
      // Host PIDs: the runner's pid labels miners as on the host, so a later run can reap a killed runner's miners.
      PidMode: 'host',
      ...(deviceRequests.length ? { DeviceRequests: deviceRequests } : {}),
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      AutoRemove: false,
      RestartPolicy: { Name: 'no' },
    },
  };
}
