// `minerbench subnets`: lists the bundled profiles; with --rank the strategist's table of the shipped 2026 snapshot as
// text, JSON, CSV and HTML; bad input (a missing plugin folder, a silent named network, NaN netuids) refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { DEFAULT_SNAPSHOT_PATH } from '../../harness/chain/default-snapshot.ts';
import { eligibilityByNetuid, resultEligible } from '../../harness/cli/commands/subnets-eligibility.ts';
import { pluginCatalogue } from '../../harness/cli/commands/subnets-catalogue.ts';

const store = mkdtempSync(path.join(tmpdir(), 'mb-subnets-')); // an empty results folder: nothing measured
const rank = (...args: string[]) => runCli(['subnets', '--rank', '--offline', '--out', store, ...args]);

interface Row {
  netuid: number;
  verdict: string;
  reasons: string[];
  minerBurnedFraction: number | null;
  emissionEnabled: boolean | null;
  plugin: { ids: string[]; shape: string } | null;
  earningOperators: number | null;
  operatorsNote: string;
}

describe('minerbench subnets', () => {
  it('lists every bundled plugin with its netuid, workload, law, GPUs, timeout and transport', async () => {
    const r = await runCli(['subnets']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^id\s+netuid\s+workload\s+law\s+gpus\s+timeout\s+transport\s+title$/m);
    expect(r.out).toMatch(
      /^template\s+1\s+replay\s+quality-share\s+0\s+12 s\s+bittensor-synapse:Dummy\s+Bittensor subnet template \(Dummy synapse\)$/m,
    );
    expect(r.out).toMatch(/^inference-openai\s+1\s+replay\s+quality-share\s+/m);
    // The real subnets of issue 11, each with the workload and the law it is priced by.
    expect(r.out).toMatch(/^lium\s+51\s+stress\s+hardware-rate\s+all\s+Lium /m);
    expect(r.out).toMatch(/^ni-compute\s+27\s+stress\s+hardware-rate\s+all\s+NI Compute /m);
    expect(r.out).toMatch(/^chutes\s+64\s+replay\s+compute-units\s+1\s+120 s\s+openai-http:/m);
    expect(r.out).toMatch(/^targon\s+4\s+none\s+auction\s+0\s+Targon /m);
    const json = await runCli(['subnets', '--json']);
    const rows = JSON.parse(json.out) as Array<{ id: string; workload: string; law: string; gpus: number | 'all' }>;
    expect(rows.find((x) => x.id === 'lium')).toMatchObject({ workload: 'stress', law: 'hardware-rate', gpus: 'all' });
    expect(rows.find((x) => x.id === 'targon')).toMatchObject({ workload: 'none', law: 'auction', gpus: 0 });
  });

  it('refuses a --subnets-dir that does not exist instead of printing an empty table (exit 2)', async () => {
    const r = await runCli(['subnets', '--subnets-dir', '/no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--subnets-dir /no/such/dir is not a folder');
    const empty = await runCli(['subnets', '--subnets-dir', store]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('holds no subnet plugin');
  });
});

describe('minerbench subnets --rank --offline (the shipped 2026-08-07 snapshot)', () => {
  it('--json: at least 125 subnets with the block, each with a verdict and its reasons; burned or off never MINE', async () => {
    const r = await rank('--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as {
      chain: { block: { number: number } };
      block: number;
      rows: Row[];
      rules: string[];
    };
    expect(j.chain.block.number).toBe(8_791_253);
    expect(j.block).toBe(8_791_253);
    expect(j.rows.length).toBeGreaterThanOrEqual(125);
    expect(j.rows.every((x) => ['MINE', 'SKIP', 'WATCH'].includes(x.verdict) && x.reasons.length > 0)).toBe(true);
    const doomed = j.rows.filter((x) => x.minerBurnedFraction === 1 || x.emissionEnabled === false);
    expect(doomed.length).toBeGreaterThanOrEqual(43);
    expect(doomed.every((x) => x.verdict === 'SKIP')).toBe(true);
    // no per-UID data offline: the per-operator columns say so instead of a number
    expect(j.rows.every((x) => x.earningOperators === null && x.operatorsNote.startsWith('needs live chain'))).toBe(
      true,
    );
    // SN1 has two bundled plugins (netuid 1) but no measured result here: WATCH, saying what to run
    const sn1 = j.rows.find((x) => x.netuid === 1)!;
    expect(sn1.plugin).toEqual({
      ids: ['inference-openai', 'template'],
      shape: 'inference-openai: openai-http, 0 GPUs; template: bittensor-synapse, 0 GPUs',
      law: 'quality-share',
    });
    expect(sn1.verdict).toBe('WATCH');
    expect(sn1.reasons).toContain(
      'not measured: no indexed result shows this fleet eligible (run minerbench run inference-openai)',
    );
    expect(j.rules[0]).toMatch(/^SKIP when emission is switched off/);
  });

  it('text: one row per subnet, the source block and age on stderr, the rules under the table', async () => {
    const r = await rank('--tao-price', '400');
    expect(r.code).toBe(0);
    expect(r.err).toContain('using the snapshot shipped with minerbench (block 8,791,253 of 2026-08-07T08:35:00.000Z');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^verdict\s+netuid\s+name\s+miner pool TAO\/d\s+pool USD\/d\s+burned\s+emission/);
    // SN64 Chutes: 1 alpha x (53,739/65,535) x 0.5 x 7,200 x (1 - 0) = 2,952.016 alpha at spot 221,156,585,169,260 /
    // 2,542,377,601,566,700 = 0.0869880 TAO: 256.7903 TAO/day; x 400 USD = 102,716.12
    const chutes = lines.find((l) => /^\S+\s+64\s+Chutes\s/.test(l))!;
    expect(chutes.split(/\s{2,}/).slice(0, 6)).toEqual(['WATCH', '64', 'Chutes', '256.79', '102,716.12', '0%']);
    expect(r.out).toContain('rule: MINE only when none of the above holds');
    expect(r.out).toContain('TAO = 400 USD at');
  });

  it('--csv: a header and one line per subnet, reasons joined, "needs live chain" in the per-operator columns', async () => {
    const r = await rank('--csv');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['verdict', 'netuid', 'name', 'miner_pool_tao_per_day']);
    expect(lines).toHaveLength(129);
    expect(lines.find((l) => l.startsWith('WATCH,64,Chutes,'))).toContain(',needs live chain,');
  });

  it('--html FILE writes the sortable page and names it on stderr', async () => {
    const file = path.join(store, 'reports', 'subnets.html');
    const r = await rank('--html', file);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`report: ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(html).toContain('"kind":"subnets"');
  });

  it('refuses --html under a file (exit 42) and a negative price (exit 2, the flag named) before reading any chain data', async () => {
    const file = path.join(store, 'a-file');
    writeFileSync(file, 'x');
    const under = await rank('--html', path.join(file, 'x.html'));
    expect(under.code).toBe(42);
    expect(under.err).toContain(`lies under ${file}, which is a file`);
    const price = await rank('--tao-price', '-1');
    expect(price.code).toBe(2);
    expect(price.err).toContain('flag --tao-price: must be >= 0 (price of 1 TAO) (got -1)');
  });
});

describe('chain flags and sources', () => {
  it('--netuids NaN and --chain-timeout -1 are refused together with exit 2', async () => {
    const r = await runCli(['subnets', '--rank', '--netuids', 'NaN', '--chain-timeout', '-1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('flag --netuids: must be a netuid (an integer 0-65535)');
    expect(r.err).toContain('flag --chain-timeout: must be > 0 seconds (got -1)');
  });

  it('an explicit --network that does not answer exits 30 instead of using the shipped snapshot; --fallback-snapshot asks for it', async () => {
    const srv = createServer();
    await new Promise<void>((res) => srv.listen(0, '127.0.0.1', () => res()));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((res) => srv.close(() => res()));
    const args = ['subnets', '--rank', '--network', `ws://127.0.0.1:${port}`, '--chain-retries', '0', '--out', store];
    const silent = await runCli(args);
    expect(silent.code).toBe(30);
    expect(silent.err).toContain('does not fall back to the shipped snapshot');
    const asked = await runCli([...args, '--fallback-snapshot', '--json']);
    expect(asked.code).toBe(0);
    expect(asked.err).toContain('using the snapshot shipped with minerbench');
  });

  it('prints on-chain subnet names with their control characters escaped (a name that retitles the terminal)', async () => {
    const snap = JSON.parse(readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8'));
    snap.subnets[0].name = 'Apex\u001b]0;pwned\u0007\u001b[2J';
    const file = path.join(store, 'hostile.json');
    writeFileSync(file, JSON.stringify(snap));
    const r = await runCli(['subnets', '--rank', '--chain', file, '--out', store]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('\u001b');
    expect(r.out).toContain('Apex\\x1b]0;pwned\\x07\\x1b[2J');
  });
});

describe('the plugin catalogue and eligibility behind the table', () => {
  it('maps the bundled plugins by netuid with their kind of miner', async () => {
    const c = await pluginCatalogue();
    expect(c.problems).toEqual([]);
    expect(c.plugins.get(1)).toEqual({
      ids: ['inference-openai', 'template'],
      shape: 'inference-openai: openai-http, 0 GPUs; template: bittensor-synapse, 0 GPUs',
      law: 'quality-share',
    });
    // The strategist's table names the same workload and law as the plain listing.
    expect(c.plugins.get(51)).toEqual({ ids: ['lium'], shape: 'stress, every GPU', law: 'hardware-rate' });
    expect(c.plugins.get(64)).toEqual({ ids: ['chutes'], shape: 'openai-http, 1 GPU', law: 'compute-units' });
    expect(c.plugins.get(4)).toEqual({ ids: ['targon'], shape: 'none, 0 GPUs', law: 'auction' });
  });

  it("each machine's latest run decides; eligible when any machine is, not eligible when all known are not", () => {
    const run = (runId: string, netuid: number, machine: string, startedAt: string) => ({
      runId,
      subnet: { id: `sn${netuid}`, netuid, title: '' },
      machine: { id: machine, name: machine, hostname: machine, gpuSummary: '' },
      startedAt,
    });
    const runs = [
      run('a1', 4, 'gpu-01', '2026-11-01'),
      run('a2', 4, 'gpu-01', '2026-11-02'), // gpu-01's latest on SN4
      run('b1', 4, 'gpu-02', '2026-11-01'),
      run('c1', 51, 'gpu-01', '2026-11-01'),
      run('d1', 64, 'gpu-01', '2026-11-01'),
    ];
    const verdicts: Record<string, boolean | null> = { a1: true, a2: false, b1: false, c1: true, d1: null };
    const m = eligibilityByNetuid(runs, (id) => verdicts[id]!);
    expect(m.get(4)).toEqual({ eligible: false, runs: 2, machines: ['gpu-01', 'gpu-02'], latestRun: 'a2' });
    expect(m.get(51)!.eligible).toBe(true);
    expect(m.get(64)!.eligible).toBeNull();
  });

  it("reads a result's eligibility section loosely (older results have none)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mb-elig-'));
    const yes = path.join(dir, 'yes.json');
    const none = path.join(dir, 'none.json');
    writeFileSync(yes, JSON.stringify({ eligibility: { eligible: true, gates: [] } }));
    writeFileSync(none, JSON.stringify({ schemaVersion: 1 }));
    expect([resultEligible(yes), resultEligible(none), resultEligible(path.join(dir, 'missing.json'))]).toEqual([
      true,
      null,
      null,
    ]);
  });
});
