// hostEnvironment: the machine a run measured on (host, CPU, memory, Node), for result.json.
import os from 'node:os';
import type { Environment } from '../model/result/environment-section.ts';

export function hostEnvironment(): Pick<Environment, 'host' | 'node'> {
  const cpus = os.cpus();
  return {
    host: {
      hostname: os.hostname(),
      // A fleet names its machines (the runner sets this); anyone may, to tell machines apart in reports.
      ...(process.env.MINERBENCH_MACHINE_NAME ? { name: process.env.MINERBENCH_MACHINE_NAME } : {}),
      os: `${os.type()} ${os.release()}`,
      arch: os.arch(),
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cpuCores: cpus.length,
      memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    },
    node: process.version,
  };
}
