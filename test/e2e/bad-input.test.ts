// Bad input ends with one clear message, a documented exit code, no container left and no half-written result.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/subnets');
let docker: Docker;

beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

function freshOut(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'minerbench-bad-'));
}

function runsIn(out: string): string[] {
  const d = path.join(out, 'runs');
  return existsSync(d) ? readdirSync(d) : [];
}

describe('bad input, before anything starts', () => {
  it('unknown subnet: exit 4, lists the known ones', async () => {
    const out = freshOut();
    const r = await runCli(['run', 'no-such-subnet', '--out', out]);
    expect(r.code).toBe(4);
    expect(r.err).toContain("unknown subnet 'no-such-subnet'");
    expect(r.err).toMatch(/known subnets: (.+, )?template\b/);
    expect(runsIn(out)).toEqual([]);
  });

  it('a queries file with bad lines: exit 5, file:line and why for each', async () => {
    const out = freshOut();
    const r = await runCli(['run', 'bad-queries', '--subnets-dir', FIXTURES, '--out', out]);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/queries\.jsonl:3: not valid JSON/);
    expect(r.err).toMatch(/queries\.jsonl:4: synapse 'Dumy' is not one this subnet's transport sends \(Dummy\)/);
    expect(r.err).toMatch(/queries\.jsonl:5: t: /);
    expect(r.err).not.toMatch(/queries\.jsonl:[12]:/);
    expect(runsIn(out)).toEqual([]);
  });

  it('an invalid profile: exit 3, every problem at once', async () => {
    const r = await runCli(['run', 'invalid-profile', '--subnets-dir', FIXTURES, '--out', freshOut()]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/netuid: .*>=0/);
    expect(r.err).toMatch(/miner\.port: .*number/);
    expect(r.err).toMatch(/miner: .*colour/);
    expect(r.err).toMatch(/score: /);
  });

  it('bad flags: exit 2 naming each flag', async () => {
    const r = await runCli(['run', 'template', '--concurrency', '0', '--queries', '10', '--duration', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('flag --concurrency');
    expect(r.err).toContain('--queries and --duration both given');
  });

  it('Docker not reachable: exit 10 and how to start it', async () => {
    const out = freshOut();
    const r = await runCli(['run', 'template', '--out', out], {
      ...process.env,
      DOCKER_HOST: 'unix:///tmp/minerbench-no-docker.sock',
    });
    expect(r.code).toBe(10);
    expect(r.err).toContain('Docker engine not reachable at unix:///tmp/minerbench-no-docker.sock');
    expect(r.err).toMatch(/fix: start it/);
    expect(runsIn(out)).toEqual([]);
  });
});

describe('bad input, on the real engine', () => {
  it('the image build failing: exit 11 with the last lines of the build log', async () => {
    const out = freshOut();
    const r = await runCli(['run', 'build-fails', '--subnets-dir', FIXTURES, '--out', out]);
    expect(r.code).toBe(11);
    expect(r.err).toContain('No matching distribution found for torch==9.9.9');
    const [run] = runsIn(out);
    const result = JSON.parse(readFileSync(path.join(out, 'runs', run!, 'result.json'), 'utf8')) as RunResult;
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('IMAGE_BUILD_FAILED');
    expect(readFileSync(path.join(out, 'runs', run!, 'artifacts/build.log'), 'utf8')).toContain('torch==9.9.9');
    expect(await minerbenchContainers(docker)).toEqual([]);
  }, 120_000);

  it('the miner never becoming ready: exit 12 with its last log lines', async () => {
    const r = await runCli(['run', 'never-ready', '--subnets-dir', FIXTURES, '--out', freshOut()]);
    expect(r.code).toBe(12);
    expect(r.err).toContain('never became ready');
    expect(r.err).toContain('miner: fatal: CUDA device not found, waiting forever');
    expect(await minerbenchContainers(docker)).toEqual([]);
  }, 120_000);

  it('a never-ready miner whose log and title carry terminal escape sequences: they print escaped, never raw', async () => {
    const r = await runCli(['run', 'hostile-log', '--subnets-dir', FIXTURES, '--out', freshOut()]);
    expect(r.code).toBe(12);
    expect(r.err).toContain('miner: \\x1b]0;pwned\\x07title set');
    expect(r.err).toContain('miner: \\x1b[2J\\x1b[Hscreen cleared \\x1b[31mred\\x1b[0m');
    expect(r.err).toContain('miner: fake ok\\x0dREAL \\u202egnp.exe \\x9b31m');
    // Nothing that moves the cursor, retitles, recolours or reorders reaches the terminal (newlines and tabs aside).
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(await minerbenchContainers(docker)).toEqual([]);
  }, 120_000);

  it('the miner crashing mid-run: exit 13, the run saved as failed with what was measured', async () => {
    const r = await runCli([
      'run',
      'crashes',
      '--subnets-dir',
      FIXTURES,
      '--queries',
      '400',
      '--concurrency',
      '2',
      '--out',
      freshOut(),
    ]);
    expect(r.code).toBe(13);
    expect(r.err).toMatch(/the miner exited with code 3/);
    const file = /^result: (.+)$/m.exec(r.err)![1]!;
    const result = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
    expect(result.status).toBe('failed');
    expect(result.validity.verdict).toBe('INVALID');
    expect(result.load!.ok).toBeGreaterThanOrEqual(30);
    expect(result.load!.ok).toBeLessThanOrEqual(60);
    expect(await minerbenchContainers(docker)).toEqual([]);
  }, 120_000);
});
