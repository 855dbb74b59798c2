// `minerbench doctor`: what this machine can do: Node, Docker and its NVIDIA runtime, GPUs and driver, power sampling, base image.
import { execa } from 'execa';
import type { CliCommand } from '../cli-command.ts';
import { connectDocker } from '../../runtime/docker-client.ts';
import { dockerOptionsFromEnv } from '../../runtime/docker-endpoint.ts';
import { OFFLINE_BASE_IMAGE } from '../../runtime/base-image.ts';
import { listSubnetIds, loadSubnet } from '../../config/subnet-registry.ts';
import { probeGpus } from '../../gpu/probe-gpus.ts';
import { runNvidiaSmi } from '../../gpu/run-nvidia-smi.ts';
import { parseHelpQueryGpu } from '../../gpu/parse-help-query-gpu.ts';
import { chooseSamplerFields } from '../../gpu/sampler-fields.ts';
import { powerReadable } from '../../gpu/power-readable.ts';
import { isMinerbenchError } from '../../errors.ts';
import { terminalText } from '../terminal-text.ts';

type Status = 'ok' | 'warn' | 'fail';

/** Each offline base image the bundled plugins build on, with the plugins that use it. */
async function offlineBaseImages(): Promise<Map<string, string>> {
  const users = new Map<string, string[]>([[OFFLINE_BASE_IMAGE, []]]);
  for (const id of listSubnetIds()) {
    const image = await loadSubnet(id).then(
      // a miner built from a folder, or the stress program (built on the python base)
      (l) =>
        l.profile.miner?.build
          ? (l.profile.miner.offlineBaseImage ?? OFFLINE_BASE_IMAGE)
          : l.profile.workload?.kind === 'stress'
            ? OFFLINE_BASE_IMAGE
            : null,
      () => null,
    );
    if (image) users.set(image, [...(users.get(image) ?? []), id]);
  }
  return new Map([...users].map(([image, ids]) => [image, ids.length ? ids.join(', ') : 'miner builds']));
}
interface Check {
  what: string;
  status: Status;
  detail: string;
}

export const doctorCommand: CliCommand<{ json?: boolean }> = {
  command: 'doctor',
  describe: 'check what this machine can run: Docker, the NVIDIA container runtime, GPUs, driver, power sampling',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'print the checks as JSON on stdout' }),
  handler: async (argv, io) => {
    const checks: Check[] = [];
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    checks.push({
      what: 'Node.js',
      status: major > 20 || (major === 20 && minor >= 19) ? 'ok' : 'fail',
      detail: `${process.version} (needs 20.19 or newer)`,
    });

    let dockerOk = false;
    let nvidiaRuntime = false;
    try {
      const p = await connectDocker(dockerOptionsFromEnv(io.env));
      dockerOk = true;
      nvidiaRuntime = p.runtimes.includes('nvidia');
      checks.push({
        what: 'Docker engine',
        status: 'ok',
        detail: `${p.version} (API ${p.apiVersion}), runtimes: ${p.runtimes.join(', ') || 'none listed'}`,
      });
      checks.push({
        what: 'NVIDIA container runtime',
        status: nvidiaRuntime ? 'ok' : 'warn',
        detail: nvidiaRuntime
          ? 'registered with the engine'
          : 'not registered: GPU miners cannot run in Docker here (install the NVIDIA Container Toolkit)',
      });
      for (const [image, users] of await offlineBaseImages()) {
        const has = await p.docker
          .getImage(image)
          .inspect()
          .then(
            () => true,
            () => false,
          );
        const flavour = /^minerbench\/(\w+)-base:/.exec(image)?.[1];
        const build = `bash .ci/build-base-image.sh${flavour && flavour !== 'python' ? ` ${flavour}` : ''}`;
        checks.push({
          what: `offline base image ${image}`,
          status: has ? 'ok' : 'warn',
          detail: has
            ? `present (used by ${users} when no --base-image is given)`
            : `missing: building ${users} needs a registry (or run ${build})`,
        });
      }
    } catch (e) {
      checks.push({
        what: 'Docker engine',
        status: 'fail',
        detail: isMinerbenchError(e) ? `${e.message}; ${e.hint}` : String(e),
      });
    }

    let powerFieldOk = false;
    let everyPowerReadable = false;
    const gpus = await probeGpus({ env: io.env }).catch((e: unknown) => ({
      available: false as const,
      reason: isMinerbenchError(e) ? e.message : String(e),
    }));
    if (gpus.available) {
      const inv = gpus.inventory;
      checks.push({
        what: 'NVIDIA driver',
        status: 'ok',
        detail: `${inv.driverVersion ?? '?'} (CUDA ${inv.cudaVersion ?? '?'})`,
      });
      everyPowerReadable = inv.gpus.length > 0;
      for (const g of inv.gpus) {
        const busy = g.processes.length ? `, ${g.processes.length} process(es) running` : '';
        const mig = g.mig.current ? `, MIG on (${g.mig.devices.length} devices)` : '';
        const power = powerReadable(g);
        if (!power.readable) everyPowerReadable = false;
        checks.push({
          what: `GPU ${g.index}`,
          status: g.processes.length || !power.readable ? 'warn' : 'ok',
          detail:
            `${g.name ?? '?'} ${g.uuid ?? ''}, power limit ${g.power.enforcedLimitW ?? '?'} W${mig}${busy}` +
            (power.readable ? '' : `; ${power.why}`),
        });
      }
      const help = await runNvidiaSmi(['--help-query-gpu'], { env: io.env });
      const fields = help.ok ? chooseSamplerFields(parseHelpQueryGpu(help.stdout)) : null;
      powerFieldOk = Boolean(fields?.power);
      checks.push({
        what: 'power sampling',
        status: fields ? 'ok' : 'warn',
        detail: fields
          ? `nvidia-smi --query-gpu ${fields.power ?? '(no power field)'}${fields.power === 'power.draw' ? ' (a 1-s average on Ampere and newer: wider uncertainty)' : ' (instantaneous)'}`
          : 'nvidia-smi --help-query-gpu failed',
      });
    } else {
      checks.push({
        what: 'NVIDIA GPUs',
        status: 'warn',
        detail: `${gpus.reason}: CPU-only subnets run; results say "power not measured"`,
      });
    }
    const py = await execa('python3', ['-c', 'import aiohttp'], { reject: false, env: io.env });
    checks.push({
      what: 'python3 + aiohttp',
      status: py.exitCode === 0 ? 'ok' : 'warn',
      detail:
        py.exitCode === 0
          ? 'the template miner can run as a process (--runtime process)'
          : 'missing: --runtime process cannot run the template miner (apt-get install python3-aiohttp)',
    });

    const can = [
      ['benchmark CPU-only subnets in Docker', dockerOk],
      ['benchmark GPU subnets in Docker', dockerOk && nvidiaRuntime && gpus.available],
      // A GPU is not enough: nvidia-smi must have a power field, and read a power draw on every GPU (not N/A).
      ['measure GPU energy', gpus.available && powerFieldOk && everyPowerReadable],
    ] as const;
    if (argv.json) {
      io.out(JSON.stringify({ checks, can: Object.fromEntries(can) }, null, 2) + '\n');
    } else {
      const mark: Record<Status, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };
      // Details quote the engine and nvidia-smi: escaped for the terminal.
      for (const c of checks) io.out(`${mark[c.status]}  ${c.what.padEnd(26)} ${terminalText(c.detail)}\n`);
      io.out('\n');
      for (const [what, yes] of can) io.out(`${yes ? 'yes' : 'no '}  ${what}\n`);
    }
    return dockerOk ? 0 : 10;
  },
};
