// Output paths are checked before anything starts: a file where a folder is needed (/etc/hostname-style), a path under
// a file, a folder that cannot be written. Every command ends with STORE_FAILED (42) and one message naming the flag and
// the path, before the chain, Docker, the miner, a listener or a fleet machine is touched (each test points those at
// something that would fail with another exit code, so a late check would show), and nothing is created.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOnlyFolder, type ReadOnlyFolder } from '../support/read-only-folder.ts';
import { runCli } from '../support/run-cli.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'minerbench-paths-'));
const aFile = path.join(tmp, 'a-file');
writeFileSync(aFile, 'not a folder\n');
const underFile = path.join(aFile, 'sub');
const ro = readOnlyFolder();
const roDir = 'dir' in ro ? ro.dir : '';
const roSkip = 'skip' in ro ? ro.skip : '';
if (roSkip) console.warn(`output-paths: read-only folder cases skipped: ${roSkip}`);
afterAll(() => {
  if ('release' in ro) (ro as ReadOnlyFolder).release();
  rmSync(tmp, { recursive: true, force: true });
});

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Docker and the chain pointed at nothing: were either touched first, the exit code would be 10 or 30, not 42. */
const ENV = { ...process.env, DOCKER_HOST: 'unix:///tmp/minerbench-no-docker.sock' };

function expect42(r: { code: number; err: string }, flag: string, shown: string, why: RegExp): void {
  expect(r.err).toContain(`error STORE_FAILED: ${flag} ${shown}`);
  expect(r.err).toMatch(why);
  expect(r.code).toBe(42);
}

describe('run --out', () => {
  const run = async (out: string) => runCli(['run', 'template', '--out', out, '--network', 'ws://127.0.0.1:9'], ENV);

  it.skipIf(!existsSync('/etc/hostname'))('/etc/hostname (a file): 42 before Docker or the chain', async () => {
    expect42(await run('/etc/hostname'), '--out', '/etc/hostname', /is a file, not a folder/);
  });

  it('a path under a file: 42, and nothing is created', async () => {
    expect42(await run(underFile), '--out', underFile, new RegExp(`lies under ${aFile}, which is a file`));
  });

  it.skipIf(Boolean(roSkip))('a read-only folder, and a new folder inside it: 42', async () => {
    expect42(await run(roDir), '--out', roDir, /is read-only|is not writable/);
    const inside = path.join(roDir, 'new', 'deeper');
    expect42(
      await run(inside),
      '--out',
      inside,
      new RegExp(`cannot be created: ${roDir} (is read-only|is not writable)`),
    );
    expect(readdirSync(roDir)).toEqual([]);
  });

  it('a missing folder whose parent is writable is fine (the check leaves nothing behind)', async () => {
    const fresh = path.join(tmp, 'fresh', 'out');
    // The check passes, so the run goes on to the chain, which is not there: 30; the folder the check made is gone.
    const r = await run(fresh);
    expect(r.code).toBe(30);
    expect(existsSync(path.join(tmp, 'fresh'))).toBe(false);
  });
});

describe('report, compare and trend outputs', () => {
  const store = path.join(tmp, 'store'); // no index: a late check would end in 44 (not an index)

  it('report --output under a file: 42 before the index is read', async () => {
    const file = path.join(aFile, 'r.html');
    expect42(
      await runCli(['report', '--output', file, '--out', store]),
      '--output',
      file,
      new RegExp(`lies under ${aFile}, which is a file`),
    );
  });

  it('compare -o naming a folder: 42', async () => {
    expect42(await runCli(['compare', '-o', tmp, '--out', store]), '--output', tmp, /is a folder, not a file/);
  });

  it('report --trend with --out a file (the default trend.html goes under it): 42', async () => {
    const file = path.join(aFile, 'trend.html');
    const r = await runCli(['report', '--trend', '--out', aFile]);
    expect42(r, 'the trend report (in --out)', file, new RegExp(`lies under ${aFile}, which is a file`));
  });

  it.skipIf(Boolean(roSkip))('compare --output into a read-only folder: 42', async () => {
    const file = path.join(roDir, 'c.html');
    expect42(await runCli(['compare', '--output', file, '--out', store]), '--output', file, /its folder .* read-only/);
  });
});

describe('subnets --html, chain snapshot --out, capture --out, import --out', () => {
  it('subnets --rank --html under a file: 42 before any chain data is read', async () => {
    const file = path.join(aFile, 's.html');
    const r = await runCli(['subnets', '--rank', '--network', `ws://127.0.0.1:${await closedPort()}`, '--html', file]);
    expect42(r, '--html', file, /which is a file/);
  });

  it('chain snapshot --out under a file: 42, not 30 (the chain is never contacted)', async () => {
    const file = path.join(aFile, 'chain.json');
    const net = `ws://127.0.0.1:${await closedPort()}`;
    const r = await runCli(['chain', 'snapshot', '--network', net, '--chain-retries', '0', '--out', file]);
    expect42(r, '--out', file, /which is a file/);
  });

  it.skipIf(Boolean(roSkip))('chain snapshot --out in a read-only folder: 42', async () => {
    const file = path.join(roDir, 'chain.json');
    const r = await runCli(['chain', 'snapshot', '--network', `ws://127.0.0.1:${await closedPort()}`, '--out', file]);
    expect42(r, '--out', file, /read-only/);
  });

  it('capture --out: an existing file (never overwritten) or a path under a file: 42, not 70 (nothing connects)', async () => {
    const upstream = `127.0.0.1:${await closedPort()}`;
    const listen = `127.0.0.1:${await closedPort()}`;
    const cap = (out: string) => runCli(['capture', '--listen', listen, '--upstream', upstream, '--out', out]);
    expect42(await cap(aFile), '--out', aFile, /exists, and is never overwritten/);
    const under = path.join(aFile, 'q.jsonl');
    expect42(await cap(under), '--out', under, /which is a file/);
  });

  it('import --out a file: 42 before anything is copied', async () => {
    const r = await runCli(['import', tmp, '--out', aFile]);
    expect42(r, '--out', aFile, /is a file, not a folder/);
  });
});

describe('fleet results folder and evaluate <run-dir>', () => {
  it('fleet run whose results folder is a file: 42 before any machine is contacted (a late check: 61)', async () => {
    const dir = mkdtempSync(path.join(tmp, 'fleet-'));
    writeFileSync(path.join(dir, 'plan.yaml'), 'subnets: [template]\nscenarios:\n  smoke: { queries: 5 }\n');
    writeFileSync(
      path.join(dir, 'fleet.yaml'),
      `plan: { file: plan.yaml }\nresults: ${aFile}\nmachines:\n  - { name: a, endpoint: 'unix:///tmp/minerbench-no-docker.sock' }\n`,
    );
    const r = await runCli(['fleet', 'run', path.join(dir, 'fleet.yaml')]);
    expect42(r, `results (${path.relative(process.cwd(), path.join(dir, 'fleet.yaml'))})`, aFile, /is a file/);
    const viaFlag = await runCli(['fleet', 'run', path.join(dir, 'fleet.yaml'), '--out', underFile]);
    expect42(viaFlag, '--out', underFile, /which is a file/);
  });

  it.skipIf(Boolean(roSkip))('evaluate of a run folder that cannot be written: 42 before it is evaluated', async () => {
    const runs = path.join(tmp, 'eval', 'runs');
    mkdirSync(runs, { recursive: true });
    const run = path.join(runs, 'template-cpu');
    cpSync(path.resolve(import.meta.dirname, '../fixtures/runs/template-cpu'), run, { recursive: true });
    const { execFileSync } = await import('node:child_process');
    const root = process.getuid?.() === 0;
    execFileSync(root ? 'chattr' : 'chmod', root ? ['+i', run] : ['0555', run]);
    try {
      expect42(await runCli(['evaluate', run]), '<run-dir>', run, /read-only|not writable/);
      expect(existsSync(path.join(run, 'result.json'))).toBe(false);
    } finally {
      execFileSync(root ? 'chattr' : 'chmod', root ? ['-i', run] : ['0755', run]);
    }
  });
});
