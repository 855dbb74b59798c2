// `minerbench estimate <run>`: re-prices a saved run from its artifacts through the run's own hooks: a flag of its law,
// --law-table, prices, PUE, another chain snapshot; as text and JSON; bad input refused before anything is read.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Earnings } from '../../harness/model/result/earnings-section.ts';
import { HAVE_H100_TRACE } from '../support/golden-runs.ts';
import { liumRunDir, templateRunOn2026 } from '../support/priced-runs.ts';
import { runCli } from '../support/run-cli.ts';
import { SHARED_FIXTURES_DIR } from '../support/shared-fixtures.ts';

const HAVE_GPU_XML = existsSync(path.join(SHARED_FIXTURES_DIR, 'gpu/xml/k8s-test-infra/qx-h100.xml'));
const needs = HAVE_GPU_XML && HAVE_H100_TRACE ? describe : describe.skip;
if (!(HAVE_GPU_XML && HAVE_H100_TRACE))
  console.warn('skipped: the nvidia-smi recordings are not in ../shared/fixtures/gpu');

/** SN51 of the shipped 2026-08-07 snapshot: miner pool (alpha/day) and TAO per alpha. */
const SN51 = { pool: 2952.0164797436482, price: 0.07020269666791847 };
/** SN1 of the same snapshot: pool and price; 247 miner UIDs. */
const SN1 = { pool: 1877.0606527879063, price: 0.008308524605207774 };

needs('minerbench estimate', () => {
  it('re-prices a lium run with another law input: --gpus-of-model 120 gives 0.2 x 0.1 x 8/128 = 0.00125', async () => {
    const dir = liumRunDir();
    const before = readFileSync(path.join(dir, 'artifacts/context.json'), 'utf8');
    const r = await runCli(['estimate', dir, '--gpus-of-model', '120', '--tao-price', '400']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('SN51 lium (run 20261125-205900-lium-qx-h100)');
    expect(r.out).toContain("chain: the run's own snapshot: block 8,791,253");
    expect(r.out).toContain('eligible: yes (3 gates passed; not blocking: NVIDIA driver version no)');
    expect(r.out).toContain('law: hardware-rate (Hardware rate (GPU model rate x count share))');
    // At the stated field factor, sysbox and collateral; their ranges still span the share.
    expect(r.out).toMatch(/^share of the miner pool: 0\.00125 \(range [\d.]+ \.\. [\d.]+\) of 2,952\.02 alpha\/day$/m);
    // 0.00125 x 2,952.0165 = 3.6900 alpha x 0.0702027 = 0.2590 TAO x 400 = 103.62 USD per day
    expect(r.out).toMatch(
      /^gross: 3\.69 alpha \(range .*\) = 0\.259 TAO \(range .*\) = 103\.62 USD \(range .*\) per day$/m,
    );
    // The rest of the assumed inputs still span a range, said with the flag that fixes each.
    expect(r.out).toMatch(
      /^input fieldFactor: 1 x \(the plugin's guess; .*; plausible 0\.5 \.\. 1\.2; give --field-factor F\)$/m,
    );
    // Nothing is written: the run's artifacts are as they were and there is no result.json.
    expect(readFileSync(path.join(dir, 'artifacts/context.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'result.json'))).toBe(false);
  });

  it('--json gives the same figures; --law-table prices with a newer table instead of the run copy', async () => {
    const dir = liumRunDir();
    const j = JSON.parse((await runCli(['estimate', dir, '--json'])).out) as { earnings: Earnings; chain: string };
    // 0.2 x 0.1 x 8 / (8 + 64 assumed others) of the pool
    expect(j.earnings.share.value).toBeCloseTo((0.2 * 0.1 * 8) / 72, 12);
    expect(j.earnings.gross.taoPerDay.value).toBeCloseTo(((0.2 * 0.1 * 8) / 72) * SN51.pool * SN51.price, 9);
    const t = JSON.parse(readFileSync('subnets/lium/tables/gpu-rates.json', 'utf8')) as {
      gpus: Record<string, { rate: number }>;
    };
    t.gpus['NVIDIA H100 80GB HBM3']!.rate = 0.2;
    const newer = path.join(mkdtempSync(path.join(tmpdir(), 'mb-est-')), 'rates.json');
    writeFileSync(newer, JSON.stringify(t, null, 2));
    const k = JSON.parse((await runCli(['estimate', dir, '--json', '--law-table', newer])).out) as {
      earnings: Earnings;
    };
    // mine = 0.2 x 8/72 = 0.022222; the rates now sum to 1.1, so the total is 1.1; share = 0.2 x mine / 1.1
    expect(k.earnings.share.value).toBeCloseTo((0.2 * ((0.2 * 8) / 72)) / 1.1, 12);
    expect(k.earnings.inputs.find((i) => i.name === 'burnFraction')?.from).toContain('rates.json');
  });

  it('prices the template run on the shipped snapshot (--offline): the mean miner of 247, its measured power', async () => {
    const dir = templateRunOn2026();
    const args = ['estimate', dir, '--offline', '--tao-price', '400', '--kwh-price', '0.12', '--pue', '1.3'];
    const r = await runCli([...args, '--json']);
    expect(r.code, r.err).toBe(0);
    const e = (JSON.parse(r.out) as { earnings: Earnings }).earnings;
    expect(e.law).toBe('quality-share');
    expect(e.share).toEqual({ value: 1 / 247, low: 0, high: null });
    // 1,877.0607 / 247 = 7.5994 alpha x 0.0083085 = 0.063140 TAO x 400 = 25.2560 USD per day
    expect(e.gross.fiatPerDay.value).toBeCloseTo((SN1.pool / 247) * SN1.price * 400, 6);
    const w = e.power.meanW!;
    expect(e.power.costPerDay).toBeCloseTo(((w * 24 * 1.3) / 1000) * 0.12, 9);
    // net = gross - power - 0.0005 TAO burn / 30 days x 400
    expect(e.net.fiatPerDay.value).toBeCloseTo(
      (SN1.pool / 247) * SN1.price * 400 - ((w * 24 * 1.3) / 1000) * 0.12 - (0.0005 / 30) * 400,
      6,
    );
    const text = await runCli(args);
    expect(text.out).toContain('chain: the shipped snapshot: block 8,791,253');
    expect(text.out).toContain(`power: ${w.toFixed(1)} W x PUE 1.3 = ${((w * 24 * 1.3) / 1000).toFixed(2)} kWh/day`);
    expect(text.out).toMatch(/^share of the miner pool: 0\.004049 \(range 0 \.\. \?\) of 1,877\.06 alpha\/day$/m);
    expect(text.out).toContain('missing: the pay at each rank');
  });

  it("warns about a flag the run's law does not read", async () => {
    const r = await runCli(['estimate', liumRunDir(), '--auction-cards', '5']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      '--auction-cards is ignored: lium is priced by the hardware-rate law, which does not read it',
    );
  });

  it('refuses bad input: PUE below 1 and a negative count (exit 2), a broken table (exit 6), a folder without artifacts (exit 40)', async () => {
    const dir = liumRunDir();
    const bad = await runCli(['estimate', dir, '--pue', '0.5', '--gpus-of-model', '-3']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('flag --pue: must be >= 1 (power usage effectiveness of the site) (got 0.5)');
    expect(bad.err).toContain('flag --gpus-of-model: a count of GPUs (>= 0) (got -3)');
    const broken = path.join(mkdtempSync(path.join(tmpdir(), 'mb-est-')), 'rates.json');
    writeFileSync(broken, '{\n  "source": "x/y@1:z",\n  "readAt": "2026-01-01",\n  "gpus": 7\n}\n');
    const table = await runCli(['estimate', dir, '--law-table', broken]);
    expect(table.code).toBe(6);
    expect(table.err).toMatch(/rates\.json:4: gpus: /);
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'mb-est-')), 'runs', 'x');
    mkdirSync(empty, { recursive: true });
    writeFileSync(path.join(empty, 'result.json'), '{}');
    const none = await runCli(['estimate', path.join(empty, 'result.json')]);
    expect(none.code).toBe(40);
    expect(none.err).toContain('its run context (artifacts/context.json) is missing');
  });
});
