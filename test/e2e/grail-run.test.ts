// `minerbench run grail` end to end on the real Docker engine at a fast block clock (120x: a 30-block window every
// 3 s): the run's world (block clock, beacon) and S3 sink on the miner network's gateway, 3 full windows waited out,
// unique rollouts counted per window from the uploads with duplicates dropped; a window with no upload and a file that
// is not a rollout file named (the grail-faults fixture); an interrupt mid-window; nothing left behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import type { UploadsListing } from '../../harness/model/uploads-listing.ts';
import type { WindowRun } from '../../harness/model/window-run.ts';
import { ensureDockerEngine, minerbenchContainers, minerbenchNetworks } from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';

let docker: Docker;
const out = mkdtempSync(path.join(os.tmpdir(), 'minerbench-grail-e2e-'));
const FAST = ['--windows', '3', '--block-speed', '120', '--offline', '--out', out];
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/subnets');

beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function resultOf(err: string): { dir: string; result: RunResult } {
  const m = /^result: (.+)$/m.exec(err);
  if (!m) throw new Error(`no result path printed:\n${err}`);
  return { dir: path.dirname(m[1]!), result: JSON.parse(readFileSync(m[1]!, 'utf8')) as RunResult };
}

const json = <T>(dir: string, f: string) => JSON.parse(readFileSync(path.join(dir, 'artifacts', f), 'utf8')) as T;

/** Reasons of the verdict other than the fast clock and other runs sharing this machine (the e2e files run at once). */
const otherReasons = (r: RunResult) =>
  r.validity.reasons.filter((x) => !/^the block clock ran 120x faster|^another minerbench run shared/.test(x));

async function nothingLeft(runId: string): Promise<void> {
  expect((await minerbenchContainers(docker)).filter((c) => c.Labels['minerbench.run'] === runId)).toEqual([]);
  expect((await minerbenchNetworks(docker)).filter((n) => n.Labels?.['minerbench.run'] === runId)).toEqual([]);
}

describe('minerbench run grail (real Docker, fast block clock)', () => {
  it('counts 64 unique rollouts in each of 3 windows and drops the 8 repeated ones', async () => {
    const r = await runCli(['run', 'grail', ...FAST]);
    const { dir, result } = resultOf(r.err);
    expect(result.status, r.err).toBe('completed');
    expect(result.workload.kind).toBe('window');
    const w = result.window!;
    expect(w).toMatchObject({ unit: 'rollout', windowBlocks: 30, blockSeconds: 12, speed: 120, runWindowSeconds: 3 });
    // the stand-in uploads 64 rollouts + the first 8 again per window (GRAIL_ROLLOUTS_PER_WINDOW, _DUPLICATES_)
    expect(w.measured.map((x) => [x.files, x.units, x.unique, x.duplicates])).toEqual([
      [1, 72, 64, 8],
      [1, 72, 64, 8],
      [1, 72, 64, 8],
    ]);
    // consecutive windows of 30 blocks, each 3 s of the run's clock
    expect(w.measured[1]!.window - w.measured[0]!.window).toBe(30);
    expect(w.measured[0]!.endS - w.measured[0]!.startS).toBeCloseTo(3, 2);
    expect(w.duplicates).toBe(24);
    expect(w.empty).toEqual([]);
    expect(w.unreadable).toEqual([]);
    expect(w.summary).toMatchObject({ windows: 3, unitsPerWindowMean: 64, minUnits: 64, maxUnits: 64, spread: 0 });
    expect(w.reference).toMatchObject({ unitsPerWindow: 4477, machine: '8x NVIDIA A100 SXM4', model: 'Qwen2.5-7B' });
    expect(r.err).toContain(
      '64 unique rollouts per window over 3 (min 64, max 64, spread 0 %), 24 duplicates dropped; reference 4,477 on 8x NVIDIA A100 SXM4',
    );
    // A sped-up clock is a plumbing check: said as the verdict's reason, nothing else wrong.
    expect(result.validity.verdict).toBe('INVALID');
    expect(result.validity.reasons[0]).toMatch(/^the block clock ran 120x faster than the chain: a window lasted 3 s/);
    expect(otherReasons(result)).toEqual([]);
    // The windows seen and every upload with its size and sha256.
    const run = json<WindowRun>(dir, 'windows.json');
    expect(run.measured.every((x) => x.complete)).toBe(true);
    const uploads = json<UploadsListing>(dir, 'uploads.json').sinks.sink!.uploads;
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    for (const x of w.measured) expect(uploads.some((u) => u.key.endsWith(`/window-${x.window}.json`))).toBe(true);
    await nothingLeft(result.runId);
    // EVALUATE again from the artifacts alone (windows.json, uploads.json and the uploaded files): the same window figures.
    const again = await runCli(['evaluate', dir]);
    expect(again.code, again.err).toBe(r.code);
    expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')).window).toEqual(result.window);
  }, 300_000);

  it('names a window with no upload (it counts 0) and an uploaded file that is not a rollout file', async () => {
    const r = await runCli(['run', 'grail-faults', '--subnets-dir', FIXTURES, ...FAST]);
    const { result } = resultOf(r.err);
    expect(result.status, r.err).toBe('completed');
    const w = result.window!;
    // Of any 3 consecutive windows the stand-in skips one (GRAIL_SKIP_WINDOW_MOD=3): 64, 64 and 0 in some order.
    expect(w.measured.map((x) => x.unique).sort()).toEqual([0, 64, 64]);
    expect(w.empty).toHaveLength(1);
    expect(w.measured.find((x) => x.unique === 0)).toMatchObject({ window: w.empty[0], files: 0, units: 0 });
    // mean 128 / 3 = 42.666667; deviations 21.333, 21.333, -42.667: sd = sqrt(2730.667 / 3) = 30.170, / 42.667 = 0.707107
    expect(w.summary).toMatchObject({
      windows: 3,
      unitsPerWindowMean: 42.666667,
      minUnits: 0,
      maxUnits: 64,
      spread: 0.707107,
    });
    // and one window in 3 also gets a junk file (GRAIL_JUNK_WINDOW_MOD=3): named, never a crash
    expect(w.unreadable.length).toBeGreaterThanOrEqual(1);
    for (const u of w.unreadable)
      expect(u).toMatchObject({ key: expect.stringMatching(/\/junk-\d+\.bin$/), problem: 'not JSON' });
    expect(r.err).toContain('1 window(s) with no upload');
    await nothingLeft(result.runId);
  }, 300_000);

  it('saves a run interrupted mid-window as interrupted, the cut window apart, and stops the world and sink', async () => {
    const child = spawn(
      process.execPath,
      ['bin/minerbench.js', 'run', 'grail', '--windows', '5', '--block-speed', '60', '--offline', '--out', out],
      { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    let scheduled = false;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // 6 s windows at 60x: stop 2 s into the second measured window
      if (err.includes('window 2/5') && !scheduled) {
        scheduled = true;
        setTimeout(() => child.kill('SIGTERM'), 2000);
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code, err).toBe(130);
    const { dir, result } = resultOf(err);
    expect(result.status).toBe('interrupted');
    const w = result.window!;
    expect(w.measured).toHaveLength(1);
    expect(w.measured[0]!.unique).toBe(64);
    const cut = w.partial.filter((p) => p.why.startsWith('cut short'));
    expect(cut).toHaveLength(1);
    expect(cut[0]!.window).toBe(w.measured[0]!.window + 30);
    expect(json<WindowRun>(dir, 'windows.json').stoppedEarly).toMatch(/SIGTERM|interrupt/);
    await nothingLeft(result.runId);
  }, 300_000);

  it('prices the machine with the capped-power law from the rollouts per window', async () => {
    const r = await runCli(['run', 'grail', ...FAST]);
    const { result } = resultOf(r.err);
    expect(result.earnings?.law).toBe('capped-power');
    const units = result.earnings!.inputs.find((x) => x.name === 'unitsPerWindow');
    expect(units).toMatchObject({ source: 'measured', value: 64 });
    // 64 / 5000 = 0.0128 of the cap per window
    expect(result.earnings!.breakdown.find((b) => b.label === 'units per window / cap')?.value).toBe(0.0128);
    // weight = (1 - 0.9) x (64/5000)^4 / max(1, (64/5000)^4 + 3 others at the cap, the profile's middle guess)
    const capRel = (64 / 5000) ** 4;
    expect(result.earnings!.share.value! / ((0.1 * capRel) / 3)).toBeCloseTo(1, 6);
    expect(result.earnings!.lawBurnFraction).toBe(0.9);
  }, 300_000);
});
