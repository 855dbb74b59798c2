// `minerbench doctor` on the real engine: says what works here, with and without (recorded) NVIDIA GPUs.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDockerEngine } from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';
import { fakeSmiEnv, fixture } from '../gpu/fixture-paths.ts';
import { itShared } from '../support/describe-shared.ts';

beforeAll(async () => {
  await ensureDockerEngine();
}, 600_000);

describe('minerbench doctor', () => {
  it('reports Docker, no NVIDIA GPU and what that allows on a GPU-less machine', async () => {
    const r = await runCli(['doctor', '--json'], {
      ...process.env,
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      checks: Array<{ what: string; status: string; detail: string }>;
      can: Record<string, boolean>;
    };
    expect(j.checks.find((c) => c.what === 'Docker engine')?.status).toBe('ok');
    expect(j.checks.find((c) => c.what === 'NVIDIA GPUs')?.detail).toContain('nvidia-smi not found');
    // each offline base image the bundled plugins build on (both built by ensureDockerEngine / .ci/run)
    expect(j.checks.find((c) => c.what === 'offline base image minerbench/ffmpeg-base:bookworm')?.detail).toMatch(
      /^(present \(used by vidaio when|missing: building vidaio needs a registry \(or run bash \.ci\/build-base-image\.sh ffmpeg\))/,
    );
    expect(j.checks.find((c) => c.what === 'offline base image minerbench/python-base:bookworm')?.detail).toContain(
      'template',
    );
    expect(j.can).toEqual({
      'benchmark CPU-only subnets in Docker': true,
      'benchmark GPU subnets in Docker': false,
      'measure GPU energy': false,
    });
  });

  itShared('lists the GPUs, driver and power field of a (recorded) A100 host', async () => {
    const env = fakeSmiEnv({
      FAKE_SMI_XML: fixture('xml/k8s-test-infra/qx-a100.xml'),
      FAKE_SMI_HELP: fixture('csv/netdata_help-query-gpu_2022.txt'),
    });
    const r = await runCli(['doctor'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok\s+NVIDIA driver\s+570\.148\.08 \(CUDA 12\.8\)/);
    expect(r.out).toMatch(/GPU 0\s+NVIDIA A100-SXM4-40GB GPU-00000000-0000-0000-0000-000000000000, power limit 400 W/);
    expect(r.out).toContain('power.draw (a 1-s average on Ampere and newer: wider uncertainty)');
    expect(r.out).toMatch(/^yes\s+measure GPU energy$/m);
  });

  itShared('says it cannot measure GPU energy where every power reading is N/A (a recorded Quadro P400)', async () => {
    // The Quadro P400 (driver 418) reports power_draw and every limit as N/A, as a vGPU guest does.
    const env = fakeSmiEnv({
      FAKE_SMI_XML: fixture('xml/telegraf/quadro-p400.xml'),
      FAKE_SMI_HELP: fixture('csv/netdata_help-query-gpu_2022.txt'),
    });
    const r = await runCli(['doctor', '--json'], env);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      checks: Array<{ what: string; status: string; detail: string }>;
      can: Record<string, boolean>;
    };
    expect(j.checks.find((c) => c.what === 'GPU 0')).toEqual({
      what: 'GPU 0',
      status: 'warn',
      detail:
        'Quadro P400 GPU-8f750be4-dfbc-23b9-b33f-da729a536494, power limit ? W; power draw N/A: ' +
        'nvidia-smi reads no power on this GPU (no power sensing; a vGPU guest reads none either)',
    });
    expect(j.can['measure GPU energy']).toBe(false);
  });

  it('exits 10 and says how to start Docker when the engine is not reachable', async () => {
    const r = await runCli(['doctor'], { ...process.env, DOCKER_HOST: 'unix:///tmp/minerbench-no-docker.sock' });
    expect(r.code).toBe(10);
    expect(r.out).toMatch(/FAIL\s+Docker engine\s+Docker engine not reachable/);
  });
});
