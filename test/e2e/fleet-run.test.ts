// End to end: `minerbench fleet run` on three real Docker engines (own netns, socket, data root); faults, resume, cleanup.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../harness/cli/bin.ts';
import type { MachineNight } from '../../harness/fleet/fleet-ledger.ts';
import type { MorningReport } from '../../harness/fleet/morning-report.ts';
import { ensureDockerEngine } from '../support/docker-engine.ts';
import { TestEngine } from '../fleet/support/test-engine.ts';

const NIGHT = '2026-11-20';
const engines: TestEngine[] = [];
const work = mkdtempSync(path.join(os.tmpdir(), 'minerbench-fleet-e2e-'));
const results = path.join(work, 'results');

beforeAll(async () => {
  await ensureDockerEngine();
  engines.push(new TestEngine(1, { tls: true }), new TestEngine(2), new TestEngine(3));
  await Promise.all(engines.map((e) => e.start()));
  for (const e of engines) e.loadImage('minerbench/python-base:bookworm');
  writeFileSync(
    path.join(work, 'plan.yaml'),
    'subnets: [template]\nrepeats: 2\nscenarios:\n  smoke: { concurrency: 4, queries: 200, warmup: 10 }\n',
  );
  const [a, b, c] = engines as [TestEngine, TestEngine, TestEngine];
  writeFileSync(
    path.join(work, 'fleet.yaml'),
    `name: e2e
plan: { file: plan.yaml }
results: results
concurrency: 3
machines:
  - name: tls-box
    endpoint: ${a.endpoint}
    tls: { ca: ${a.tls!.ca}, cert: ${a.tls!.cert}, key: ${a.tls!.key} }
    hostSocket: ${a.socket}
    labels: { role: tls }
  - name: dies-mid-run
    endpoint: ${b.endpoint}
  - name: down-at-start
    endpoint: ${c.endpoint}
`,
  );
}, 300_000);

afterAll(async () => {
  for (const e of engines) await e.destroy();
  rmSync(work, { recursive: true, force: true });
}, 120_000);

async function fleetRun(onErr: (text: string, all: string) => void = () => {}): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['fleet', 'run', path.join(work, 'fleet.yaml'), '--night', NIGHT], {
    out: () => {},
    err: (t) => {
      err += t;
      onErr(t, err);
    },
    isTTY: false,
    signal: new AbortController().signal,
    cwd: work,
    env: process.env,
  });
  return { code, err };
}

const ledger = (m: string) =>
  JSON.parse(readFileSync(path.join(results, 'fleet/nights', NIGHT, `${m}.json`), 'utf8')) as MachineNight;
const indexedRuns = () => {
  const db = new Database(path.join(results, 'minerbench.db'), { readonly: true });
  try {
    return (db.prepare('SELECT run_id FROM runs ORDER BY run_id').all() as Array<{ run_id: string }>).map(
      (r) => r.run_id,
    );
  } finally {
    db.close();
  }
};
const leftovers = async (e: TestEngine) =>
  (await e.docker.listContainers({ all: true })).map((c) => `${c.Names[0]} ${c.State}`);

describe('minerbench fleet run (three real engines)', () => {
  it('runs every reachable machine, survives one down and one killed mid-run, then resumes the night without duplicates', async () => {
    const [a, b, c] = engines as [TestEngine, TestEngine, TestEngine];
    await c.stop();
    let killed = false;
    const first = await fleetRun((_t, all) => {
      // Dies while its second run is measuring, after the first was copied back.
      if (
        !killed &&
        /\[dies-mid-run\] template\/smoke\/1: completed/.test(all) &&
        /\[dies-mid-run template\/smoke\/2\] ready/.test(all)
      ) {
        killed = true;
        b.kill();
      }
    });
    expect(killed, first.err).toBe(true);
    expect(first.code, first.err).toBe(61);
    expect(first.err).toMatch(/\[down-at-start\] unreachable: 0 run\(s\) — DOCKER_UNREACHABLE: .*d\.sock/);
    expect(first.err).toMatch(
      /\[dies-mid-run\] failed: 1 run\(s\) — DOCKER_UNREACHABLE: the engine at unix:\/\/.* stopped answering mid-plan/,
    );
    expect(ledger('tls-box')).toMatchObject({ status: 'completed', planned: 2 });
    expect(Object.values(ledger('tls-box').jobs).map((j) => j.status)).toEqual(['completed', 'completed']);
    expect(Object.values(ledger('dies-mid-run').jobs).filter((j) => j.status === 'completed')).toHaveLength(1);
    expect(ledger('down-at-start').status).toBe('unreachable');
    const firstRuns = indexedRuns();
    expect(firstRuns).toHaveLength(3);
    expect(readdirSync(path.join(results, 'runs')).sort()).toEqual(firstRuns);
    for (const id of firstRuns)
      expect(readFileSync(path.join(results, 'runs', id, 'report.html'), 'utf8')).toContain('<html');
    expect(await leftovers(a)).toEqual([]);
    // The dead machine has nothing running (killed processes may linger a moment as zombies until init reaps them).
    for (let i = 0; i < 40 && b.processes().length; i++) await new Promise((r) => setTimeout(r, 250));
    expect(b.processes()).toEqual([]);

    // The dead and the stopped machine come back; the same night resumes: only what did not finish runs.
    await Promise.all([b.start(), c.start()]);
    const second = await fleetRun();
    expect(second.code, second.err).toBe(0);
    expect(second.err).toContain('[tls-box] all 2 job(s) of night 2026-11-20 are already done');
    expect(second.err).toMatch(/\[dies-mid-run\] completed: 1 run\(s\), 1 already done/);
    expect(second.err).toMatch(/\[down-at-start\] completed: 2 run\(s\)/);
    const all = indexedRuns();
    expect(all).toHaveLength(6);
    expect(all.filter((id) => firstRuns.includes(id))).toEqual(firstRuns);
    expect(
      readdirSync(path.join(results, 'runs'))
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(all);
    for (const e of engines) expect(await leftovers(e), `engine ${e.index}`).toEqual([]);

    const report = JSON.parse(
      readFileSync(path.join(results, 'fleet', `morning-${NIGHT}.json`), 'utf8'),
    ) as MorningReport;
    expect(report.machines.map((m) => [m.machine, m.status, m.completed])).toEqual([
      ['dies-mid-run', 'completed', 2],
      ['down-at-start', 'completed', 2],
      ['tls-box', 'completed', 2],
    ]);
    expect(report.regressions).toEqual([]);
    const html = readFileSync(path.join(results, 'fleet', `morning-${NIGHT}.html`), 'utf8');
    for (const id of all) expect(html).toContain(`../runs/${id}/report.html`);
    // The comparison of the night: every machine by its fleet name, side by side for the template subnet.
    expect(second.err).toMatch(/^comparison: .+compare-2026-11-20\.html$/m);
    const compare = readFileSync(path.join(results, 'fleet', `compare-${NIGHT}.html`), 'utf8');
    for (const name of ['tls-box', 'dies-mid-run', 'down-at-start']) expect(compare).toContain(name);
    // Keys are read from their paths only: no key material anywhere in the results.
    const key = readFileSync(a.tls!.key, 'utf8').split('\n')[1]!;
    const grep = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory()
          ? grep(path.join(dir, d.name))
          : readFileSync(path.join(dir, d.name)).includes(key)
            ? [path.join(dir, d.name)]
            : [],
      );
    expect(grep(results)).toEqual([]);

    const status = { out: '', err: '' };
    const code = await main(['fleet', 'status', path.join(work, 'fleet.yaml')], {
      out: (t) => (status.out += t),
      err: (t) => (status.err += t),
      isTTY: false,
      signal: new AbortController().signal,
      cwd: work,
      env: process.env,
    });
    expect(code).toBe(0);
    expect(status.out).toMatch(/^tls-box\s+2026-11-20\s+completed\s+2\/2\s+0\s+0/m);
    expect(status.out).toMatch(/^dies-mid-run\s+2026-11-20\s+completed\s+2\/2/m);
  }, 600_000);
});
