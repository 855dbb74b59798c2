// End to end on the real Docker engine: `minerbench run template` builds the real miner, replays, scores, cleans up.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import type { RunContext } from '../../harness/model/run-context.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';

let docker: Docker;
const out = mkdtempSync(path.join(os.tmpdir(), 'minerbench-e2e-'));

beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

/** The run's verdict may name the harness's own fidelity on a busy machine (never the miner): that is reported, not hidden. */
function onlyHarnessFidelity(r: RunResult): boolean {
  return r.validity.reasons.every((x) => /^(the harness event loop was blocked|send lag p99)/.test(x));
}

function resultPath(stderr: string): string {
  const m = /^result: (.+)$/m.exec(stderr);
  if (!m) throw new Error(`no result path printed:\n${stderr}`);
  return m[1]!;
}

describe('minerbench run template (real Docker)', () => {
  it('reaps an orphan of a killed run, replays 300 queries, scores every answer 1.0 and leaves nothing behind', async () => {
    // An orphan: labelled like a run container whose owner process is gone.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    const orphan = await docker.createContainer({
      Image: 'minerbench/python-base:bookworm',
      Cmd: ['sleep', '600'],
      Labels: {
        'minerbench.run': 'killed-run-e2e',
        'minerbench.pid': String(dead.pid),
        'minerbench.host': os.hostname(),
      },
    });
    await orphan.start();

    const r = await runCli([
      'run',
      'template',
      '--queries',
      '300',
      '--concurrency',
      '8',
      '--offline',
      '--tao-price',
      '400',
      '--out',
      out,
    ]);
    expect(r.err).toContain('removed a miner left by the killed run killed-run-e2e');
    const result = JSON.parse(readFileSync(resultPath(r.err), 'utf8')) as RunResult;
    expect(onlyHarnessFidelity(result), result.validity.reasons.join('; ')).toBe(true);
    expect(r.code, r.err).toBe(result.validity.verdict === 'VALID' ? 0 : 50);
    expect(result.schemaVersion).toBe(2);
    expect(result.status).toBe('completed');
    expect(result.load!.measured).toBe(300);
    expect(result.load!.ok).toBe(300);
    expect(result.quality!.mean).toBe(1);
    expect(result.quality!.perfect).toBe(300);
    expect(result.latency!.p50Ms).toBeGreaterThan(0);
    expect(result.latency!.p99Ms!).toBeGreaterThanOrEqual(result.latency!.p50Ms!);
    expect(result.config.options).toMatchObject({
      queries: 300,
      concurrency: 8,
      arrival: 'closed',
      warmup: null, // not given: the workload chose 20 for a closed loop (load.warmup)
      taoPrice: 400,
    });
    expect(result.load!.warmup).toBe(20);
    expect(result.config.origin).toMatchObject({ queries: 'flag --queries', warmup: 'default' });
    expect(result.environment.docker?.version).toMatch(/\d+\.\d+/);
    expect(result.environment.runtime.image?.tag).toMatch(/^minerbench\/template:/);
    expect(result.energy).toMatchObject({ measured: false });
    expect(result.chain).toMatchObject({ origin: 'default', block: 8791253, blockTime: '2026-08-07T08:35:00.000Z' });
    expect(result.warnings.join('\n')).toContain('using the snapshot shipped with minerbench (block 8,791,253');
    // Priced by the template's law (quality-share) on the shipped snapshot, which has no per-UID pay: the mean miner,
    // the pool of SN1 (1,877.06 alpha/day) split over its 247 miner UIDs, x 0.0083085 TAO/alpha x 400 USD.
    expect(result.eligibility).toBeNull(); // the template declares no gates
    expect(result.earnings).toMatchObject({ law: 'quality-share', share: { value: 1 / 247, low: 0, high: null } });
    expect(result.earnings!.gross.fiatPerDay.value).toBeCloseTo(
      (1877.0606527879063 / 247) * 0.008308524605207774 * 400,
      6,
    );
    // No GPU power here, so no net: the answer gives the gross, from 0 up (no per-UID pay to bound the top).
    expect(r.err).toMatch(
      /^\[template\] earns here: gross 25\.26 USD\/day \(range 0 and up\) \(net unknown: see missing\) by the quality-share law/m,
    );
    const dir = path.dirname(resultPath(r.err));
    const lines = (f: string) =>
      readFileSync(path.join(dir, 'artifacts', f), 'utf8')
        .trim()
        .split('\n');
    expect(lines('records.jsonl')).toHaveLength(320);
    expect(lines('responses.jsonl')).toHaveLength(320);
    expect(lines('queries.jsonl')).toHaveLength(720);
    expect(existsSync(path.join(dir, 'artifacts/context.json'))).toBe(true);
    // The machine facts were read after the GPU assignment: this machine has no GPU, and says so.
    const context = JSON.parse(readFileSync(path.join(dir, 'artifacts/context.json'), 'utf8')) as RunContext;
    expect(context.machineFacts).toMatchObject({ gpuSource: 'no NVIDIA GPU: nvidia-smi not found', gpus: [] });
    expect(readFileSync(path.join(dir, 'artifacts/miner.log'), 'utf8')).toContain('axon listening');
    expect(existsSync(path.join(dir, 'report.html'))).toBe(true);
    expect(r.err).toMatch(/^report: .+report\.html$/m);
    expect(await minerbenchContainers(docker)).toEqual([]);

    // Collect, then evaluate: with result.json and the report gone, `minerbench evaluate` rebuilds both from the
    // artifacts alone, with the same numbers.
    rmSync(path.join(dir, 'result.json'));
    rmSync(path.join(dir, 'report.html'));
    const again = await runCli(['evaluate', dir]);
    expect(again.code, again.err).toBe(r.code);
    const rebuilt = JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')) as RunResult;
    expect(rebuilt.latency).toEqual(result.latency);
    expect(rebuilt.latencyFromIntended).toEqual(result.latencyFromIntended);
    expect(rebuilt.quality).toEqual(result.quality);
    expect(rebuilt.load).toEqual(result.load);
    expect(rebuilt.validity).toEqual(result.validity);
    expect(rebuilt).toEqual(result);
    expect(existsSync(path.join(dir, 'report.html'))).toBe(true);
  }, 300_000);

  it('saves a run interrupted by SIGTERM as interrupted, exits 130 and removes the container', async () => {
    const child = spawn(
      process.execPath,
      ['bin/minerbench.js', 'run', 'template', '--duration', '60', '--concurrency', '2', '--out', out],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    let scheduled = false;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('measure:') && !scheduled) {
        scheduled = true; // one SIGTERM: a second one means "exit at once"
        setTimeout(() => child.kill('SIGTERM'), 1500);
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code, err).toBe(130);
    expect(err).toContain('SIGTERM');
    const result = JSON.parse(readFileSync(resultPath(err), 'utf8')) as RunResult;
    expect(result.status).toBe('interrupted');
    expect(result.load!.ok).toBeGreaterThan(0);
    // The queries in flight at the interrupt are counted as interrupted, not as the miner's errors.
    expect(result.load!.error).toBe(0);
    expect(result.load!.interrupted).toBeLessThanOrEqual(2);
    expect(await minerbenchContainers(docker)).toEqual([]);
  }, 300_000);
});
