// Real subnets priced by their law, end to end: `minerbench run lium` with a fake nvidia-smi replaying a recorded H100
// node (-q -x) and a recorded power stream (the CPU stand-in does the load: no GPU here) is eligible and priced by the
// hardware-rate law; a recorded Tesla T4 is not eligible (exit 53); GPU-only subnets are refused on this GPU-less
// machine before anything starts (exit 20); chutes is priced by compute-units and not eligible (no TDX); targon is
// priced from an auctions file; bad law input is refused first (exit 6, exit 2).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path, { delimiter } from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunContext } from '../../harness/model/run-context.ts';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { fakeSmiEnv } from '../gpu/fixture-paths.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';
import { itShared } from '../support/describe-shared.ts';
import { runCli } from '../support/run-cli.ts';

let docker: Docker;
beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

/** A real 100 ms power recording (energy-inference, A100 Palmetto), played once per GPU. */
const POWER = 'power-traces/energy-inference_a100-palmetto_falcon-7b_2024-04-03_nvidia-smi.csv';

/** A host whose nvidia-smi replays a recorded -q -x (its GPUs) and the power recording for each of them. */
function recordedHost(xml: string, gpus: number): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-priced-smi-'));
  const env = fakeSmiEnv({
    FAKE_SMI_XML: xml,
    FAKE_SMI_HELP: 'csv/netdata_help-query-gpu_2022.txt',
    FAKE_SMI_STREAM: Array.from({ length: gpus }, () => POWER).join(delimiter),
    FAKE_SMI_STATE: path.join(dir, 'state.json'),
  });
  // Debian's python3 (python3-aiohttp for the echo server) runs the stress program and miners as local processes.
  env.PATH = env.PATH!.replace(delimiter, `${delimiter}/usr/bin${delimiter}`);
  return env;
}

/** This machine as it is: no nvidia-smi anywhere on PATH. */
const NO_GPU = { ...process.env, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };

const resultOf = (err: string) => JSON.parse(readFileSync(/^result: (.+)$/m.exec(err)![1]!, 'utf8')) as RunResult;
const runsIn = (out: string) => (existsSync(path.join(out, 'runs')) ? readdirSync(path.join(out, 'runs')) : []);
/** INVALID (50) is decided first: another run sharing this machine makes a run INVALID whatever its eligibility. */
const exitFor = (r: RunResult, otherwise: number) => (r.validity.verdict === 'INVALID' ? 50 : otherwise);

/** SN51 (lium.io) in the shipped 2026-08-07 snapshot: miner pool alpha/day and TAO per alpha. */
const SN51 = { pool: 2952.0164797436482, price: 0.07020269666791847 };

const lium = (out: string, ...more: string[]) => [
  'run',
  'lium',
  '--runtime',
  'process',
  '--offline',
  '--duration',
  '4',
  '--stress-interval',
  '0.5',
  '--idle-seconds',
  '0',
  '--out',
  out,
  ...more,
];

describe('lium with a recorded GPU node', () => {
  itShared(
    '8 x H100 80GB HBM3: eligible, priced by the hardware-rate law per day; the CPU stand-in ran; evaluate repeats it',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-lium-h100-'));
      const r = await runCli(lium(out, '--tao-price', '400'), recordedHost('xml/k8s-test-infra/qx-h100.xml', 8));
      const result = resultOf(r.err);
      expect(r.code, r.err).toBe(exitFor(result, 0));
      expect(result.status).toBe('completed');
      expect(result.eligibility?.eligible).toBe(true);
      expect(r.err).toContain('[lium] eligible: yes (3 gates passed; not blocking: NVIDIA driver version no)');
      const e = result.earnings!;
      expect(e.law).toBe('hardware-rate');
      // 0.2 (after Lium's 80 % burn) x H100 rate 0.1 x 8 GPUs / (8 + 64 assumed others) of the shipped SN51 pool
      expect(e.share.value).toBeCloseTo((0.2 * 0.1 * 8) / 72, 12);
      expect(e.gross.taoPerDay.value).toBeCloseTo(((0.2 * 0.1 * 8) / 72) * SN51.pool * SN51.price, 9); // 0.46053
      expect(e.gross.fiatPerDay.value).toBeCloseTo(((0.2 * 0.1 * 8) / 72) * SN51.pool * SN51.price * 400, 6);
      // No --kwh-price: no net, so the answer is the gross (0.46053 TAO x 400 = 184.21 USD/day) with its range.
      expect(r.err).toMatch(
        /^\[lium\] earns here: gross 184\.21 USD\/day \(range [\d.,]+ \.\. [\d.,]+\) \(net unknown: see missing\) by the hardware-rate law/m,
      );
      // The stand-in did the load and says so; its figures reach no law.
      expect(result.stress).toMatchObject({ ran: 'cpu stand-in (pure Python)', standIn: true });
      expect(r.err).toContain('[lium]   the stress load ran on the cpu stand-in (pure Python), not a GPU');
      expect(result.stress!.phases.map((p) => p.phase)).toEqual(['fp16', 'fp32']);
      expect(result.stress!.phases.every((p) => p.intervals >= 3)).toBe(true);
      const dir = path.dirname(/^result: (.+)$/m.exec(r.err)![1]!);
      const context = JSON.parse(readFileSync(path.join(dir, 'artifacts/context.json'), 'utf8')) as RunContext;
      expect(context.machineFacts?.gpus.map((g) => g.name)).toEqual(Array(8).fill('NVIDIA H100 80GB HBM3'));
      expect(context.law.table).toMatchObject({ file: 'subnets/lium/tables/gpu-rates.json' });
      expect(readFileSync(path.join(dir, 'artifacts/law-table.json'), 'utf8')).toBe(
        readFileSync('subnets/lium/tables/gpu-rates.json', 'utf8'),
      );
      expect(readFileSync(path.join(dir, 'artifacts/stress.jsonl'), 'utf8')).toMatch(/"kind":"end"/);
      // Evaluated again from the artifacts alone: the same eligibility and earnings.
      const again = await runCli(['evaluate', dir]);
      expect(again.code).toBe(r.code);
      const rebuilt = JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')) as RunResult;
      expect(rebuilt.eligibility).toEqual(result.eligibility);
      expect(rebuilt.earnings).toEqual(result.earnings);
    },
    120_000,
  );

  itShared(
    'a Tesla T4 is in no rate table: not eligible (exit 53), and the reason lists the models',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-lium-t4-'));
      const r = await runCli(lium(out), recordedHost('xml/k8s-test-infra/qx-t4.xml', 1));
      const result = resultOf(r.err);
      expect(r.code, r.err).toBe(exitFor(result, 53));
      expect(result.eligibility?.eligible).toBe(false);
      expect(r.err).toMatch(
        /^\[lium\] eligible: NO: GPU model is in the subnet's table: no \(requires one of .*NVIDIA H100 80GB HBM3.*; this machine: Tesla T4 x1\)/m,
      );
      expect(result.earnings).toMatchObject({ law: 'hardware-rate', eligible: false, share: { value: 0 } });
    },
    120_000,
  );
});

describe('GPU-only subnets on this machine without a GPU', () => {
  it('lium, ni-compute and chutes are refused before anything starts (exit 20), each with the reason', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mb-no-gpu-'));
    // The engine is shared with other runs: only containers of these subnets that appear during the test count.
    const ours = async () =>
      new Set(
        (await minerbenchContainers(docker))
          .filter((c) => ['lium', 'ni-compute', 'chutes'].includes(c.Labels['minerbench.subnet'] ?? ''))
          .map((c) => c.Id),
      );
    const before = await ours();
    for (const [subnet, why] of [
      [
        'lium',
        'lium runs only on a machine with an NVIDIA GPU (its eligibility gates require an NVIDIA GPU (min-gpus))',
      ],
      ['ni-compute', 'ni-compute runs only on a machine with an NVIDIA GPU'],
      ['chutes', 'the chutes miner needs 1 NVIDIA GPU(s) and this machine has none usable'],
    ] as const) {
      const r = await runCli(['run', subnet, '--offline', '--out', out], NO_GPU);
      expect(r.code, r.err).toBe(20);
      expect(r.err).toContain(why);
      expect(r.err).toContain('nvidia-smi is not installed (no NVIDIA driver)');
    }
    expect(runsIn(out)).toEqual([]);
    expect([...(await ours())].filter((id) => !before.has(id))).toEqual([]);
  });

  it('bad law input is refused first: a broken table (exit 6, file:line), utilisation above 1 (exit 2)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mb-bad-law-'));
    const table = path.join(out, 'rates.json');
    writeFileSync(table, '{\n  "source": "Datura-ai/lium-io@bc290ae:x",\n  "readAt": "2026-01-01",\n  "gpus": []\n}\n');
    const bad = await runCli(['run', 'lium', '--offline', '--law-table', table, '--out', out], NO_GPU);
    expect(bad.code, bad.err).toBe(6);
    expect(bad.err).toMatch(/rates\.json:4: gpus: /);
    const range = await runCli(['run', 'chutes', '--offline', '--utilisation', '1.5', '--out', out], NO_GPU);
    expect(range.code, range.err).toBe(2);
    expect(range.err).toContain('flag --utilisation: a fraction 0..1 (utilisation above 1 is not possible) (got 1.5)');
    expect(runsIn(out)).toEqual([]);
  });
});

describe('chutes and targon', () => {
  itShared(
    'chutes (replay through the echo miner on a recorded H100): priced by compute-units, not eligible without TDX',
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'mb-chutes-'));
      const r = await runCli(
        [
          'run',
          'chutes',
          '--runtime',
          'process',
          '--offline',
          '--duration',
          '3',
          '--min-queries',
          '1',
          '--idle-seconds',
          '0',
          '--out',
          out,
        ],
        recordedHost('xml/k8s-test-infra/qx-h100.xml', 1),
      );
      const result = resultOf(r.err);
      expect(r.code, r.err).toBe(exitFor(result, 53));
      expect(result.eligibility?.eligible).toBe(false);
      expect(result.eligibility?.reasons.join('\n')).toMatch(/^confidential compute \(TEE\): no/m);
      const e = result.earnings!;
      expect(e.law).toBe('compute-units');
      expect(e.share.value).toBe(0);
      // It measured what compute units are made of: prompt and output tokens per second under load.
      const measured = e.inputs.filter((i) => i.source === 'measured').map((i) => i.name);
      expect(measured).toEqual(expect.arrayContaining(['promptTokensPerS', 'outputTokensPerS']));
      expect(result.streaming?.promptTokensPerWindowS).toBeGreaterThan(0);
    },
    120_000,
  );

  it('targon --auction FILE: earnings only, priced from the file, not eligible on a CPU without TDX or SEV-SNP', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mb-targon-'));
    const auctions = path.join(out, 'auctions-2026-11-20.json');
    writeFileSync(
      auctions,
      JSON.stringify({
        source: 'https://tower.targon.com/api/v1/auctions (saved for this test)',
        readAt: '2026-11-20',
        auctions: { 'SEV-CPU-AMD-EPYC-V4': { max_bid: 120, emission: 7, min_cluster_size: 0 } },
        tao_price: 400,
      }),
    );
    const r = await runCli(['run', 'targon', '--offline', '--auction', auctions, '--out', out], NO_GPU);
    const result = resultOf(r.err);
    expect(r.code, r.err).toBe(exitFor(result, 53));
    expect(result.workload.kind).toBe('none');
    expect(result.load).toBeUndefined();
    expect(result.stress).toBeUndefined();
    expect(result.eligibility?.eligible).toBe(false);
    const e = result.earnings!;
    expect(e.law).toBe('auction');
    expect(e.eligible).toBe(false);
    // The auctions file given is the table the run priced with, and kept with the run.
    expect(e.reasons.join('\n')).toContain('auctions-2026-11-20.json');
    const dir = path.dirname(/^result: (.+)$/m.exec(r.err)![1]!);
    expect(readFileSync(path.join(dir, 'artifacts/law-table.json'), 'utf8')).toBe(readFileSync(auctions, 'utf8'));
  });
});
