// The evaluation hooks on run folders: the gates on the machine facts a run recorded (recorded nvidia-smi -q -x), the
// law priced from what it measured, the shipped 2026 snapshot and the table it copied, with literal numbers worked by
// hand; inputs that cannot price give earnings null and a warning that says why; an estimate's overrides.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLawTable } from '../../harness/config/law-table-file.ts';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import { hardwareRateTableSchema } from '../../harness/evaluate/incentive/hardware-rate-table.ts';
import { evaluateArtifacts } from '../../harness/run/evaluate-artifacts.ts';
import { evaluationHooks } from '../../harness/run/evaluation-hooks.ts';
import { readRunArtifacts } from '../../harness/run/run-artifacts.ts';
import lium from '../../subnets/lium/profile.ts';
import { evaluateDir, HAVE_H100_TRACE, TEMPLATE } from '../support/golden-runs.ts';
import { liumRunDir, RUN_END as RUN, templateRunOn2026 } from '../support/priced-runs.ts';
import { SHARED_FIXTURES_DIR } from '../support/shared-fixtures.ts';

const LIUM = validateProfile('subnets/lium/profile.ts', lium);
const HAVE_GPU_XML = existsSync(path.join(SHARED_FIXTURES_DIR, 'gpu/xml/k8s-test-infra/qx-h100.xml'));
const needs = HAVE_GPU_XML ? describe : describe.skip;
if (!HAVE_GPU_XML) console.warn('skipped: the recorded nvidia-smi -q -x files are not in ../shared/fixtures/gpu');

/** The shipped 2026-08-07 snapshot's SN51 (lium.io): miner pool and alpha price, as subnetEconomics reads them. */
const SN51_POOL = 2952.0164797436482; // alpha_out 1 x (1 - owner cut 11,796/65,535) x 0.5 x 7,200 blocks, MinerBurned 0
const SN51_TAO_PER_ALPHA = 0.07020269666791847;

needs('lium on a recorded 8 x H100 80GB HBM3 node (Lium table of 2025-08-22, shipped snapshot of 2026-08-07)', () => {
  it('is eligible: the model is in the rate table, 8 GPUs, idle; the driver is not in the dated list (a warning only)', () => {
    const r = evaluateDir(liumRunDir(), LIUM);
    expect(r.eligibility?.eligible).toBe(true);
    expect(r.eligibility?.gates.map((g) => [g.gate, g.pass])).toEqual([
      ['min-gpus', true],
      ['gpu-model-in-table', true],
      ['idle-utilisation', true],
      ['driver', false], // 580.105.08 is newer than the table's list of 2025-08-22; that gate is not blocking
    ]);
    expect(r.eligibility?.gates.find((g) => g.gate === 'driver')?.blocking).toBe(false);
  });

  it('prices 8 GPUs against 64 others of the model: 0.2 x 0.1 x 8/72 = 0.0022222 of the pool', () => {
    const r = evaluateDir(
      liumRunDir({ prices: { taoPrice: { value: 400, currency: 'USD', at: RUN }, kwhPrice: null } }),
      LIUM,
    );
    const e = r.earnings!;
    expect(e.law).toBe('hardware-rate');
    expect(e.eligible).toBe(true);
    // mine = H100 rate 0.1 x 8 / (8 + 64 assumed others) = 0.011111; the table's rates sum to 1.0, so the field adds
    // 1 x (1 - mine) and the total is 1; the validator sends 80 % of its weight to burn UIDs: share = 0.2 x mine.
    expect(e.share.value).toBeCloseTo((0.2 * 0.1 * 8) / 72, 12);
    expect(e.gross.alphaPerDay.value).toBeCloseTo(((0.2 * 0.1 * 8) / 72) * SN51_POOL, 9); // 6.5600 alpha/day
    expect(e.gross.taoPerDay.value).toBeCloseTo(((0.2 * 0.1 * 8) / 72) * SN51_POOL * SN51_TAO_PER_ALPHA, 9); // 0.46053
    expect(e.gross.fiatPerDay.value).toBeCloseTo(((0.2 * 0.1 * 8) / 72) * SN51_POOL * SN51_TAO_PER_ALPHA * 400, 6);
    // The table's age is counted to the run's end (2025-08-22 to 2026-11-25 = 460 days), so a re-evaluation repeats it.
    expect(e.inputs.find((i) => i.name === 'burnFraction')?.ageDays).toBe(460);
    // The stress lines (a GPU's, stated by hand) reach the result; no power was sampled, so no net.
    expect(r.stress?.phases.map((p) => p.sustainedTflops)).toEqual([5400, 408]);
    expect(r.stress?.standIn).toBe(false);
    expect(e.power.meanW).toBeNull();
    expect(e.net.fiatPerDay.value).toBeNull();
  });

  it('takes the law flags the run recorded: --gpus-of-model 120 gives 0.2 x 0.1 x 8/128 = 0.00125', () => {
    const e = evaluateDir(liumRunDir({ flags: { gpusOfModel: 120 } }), LIUM).earnings!;
    expect(e.share.value).toBeCloseTo((0.2 * 0.1 * 8) / 128, 12);
    expect(e.inputs.find((i) => i.name === 'othersOfClass')).toMatchObject({ source: 'flag', value: 120 });
  });

  it('evaluating the same folder twice gives the same earnings (minerbench evaluate reproduces them)', () => {
    const dir = liumRunDir();
    expect(evaluateDir(dir, LIUM).earnings).toEqual(evaluateDir(dir, LIUM).earnings);
  });

  it('a Tesla T4 is in no Lium table: not eligible, share 0, and the reason lists the models', () => {
    const r = evaluateDir(liumRunDir({ xml: 'xml/k8s-test-infra/qx-t4.xml' }), LIUM);
    expect(r.eligibility?.eligible).toBe(false);
    expect(r.eligibility?.reasons[0]).toMatch(
      /^GPU model is in the subnet's table: no \(requires one of \(subnets\/lium\/tables\/gpu-rates\.json, read 2025-08-22\): NVIDIA B200, .*; this machine: Tesla T4 x1\)$/,
    );
    expect(r.earnings).toMatchObject({ law: 'hardware-rate', eligible: false, share: { value: 0, low: 0, high: 0 } });
  });

  it('without a chain snapshot, or one without netuid 51: earnings null and a warning saying why', () => {
    const none = evaluateDir(liumRunDir({ chain: 'none' }), LIUM);
    expect(none.earnings).toBeNull();
    expect(none.eligibility?.eligible).toBe(true); // the gates need no chain
    expect(none.warnings).toContain(
      "earnings: no chain snapshot was used, so the subnet's miner pool is unknown; price it with minerbench estimate (--offline for the shipped snapshot)",
    );
    const other = evaluateDir(liumRunDir({ chain: 'other' }), LIUM);
    expect(other.earnings).toBeNull();
    expect(other.warnings).toContain('earnings: netuid 51 is not in the chain snapshot of block 8791253');
  });

  it("an estimate's overrides: a newer table (H100 rate 0.2), other flags and prices, through the same hooks", () => {
    const dir = liumRunDir();
    const newer = path.join(os.tmpdir(), `mb-lium-newer-${process.pid}.json`);
    const t = JSON.parse(readFileSync(path.resolve('subnets/lium/tables/gpu-rates.json'), 'utf8')) as {
      readAt: string;
      gpus: Record<string, { rate: number }>;
    };
    t.readAt = '2026-11-01';
    t.gpus['NVIDIA H100 80GB HBM3']!.rate = 0.2;
    t.gpus['NVIDIA H200']!.rate -= 0.1; // the rates still sum to 1
    writeFileSync(newer, JSON.stringify(t, null, 2));
    const table = readLawTable(newer, hardwareRateTableSchema, new Date(RUN));
    const r = evaluateArtifacts(
      readRunArtifacts(dir),
      LIUM,
      evaluationHooks(LIUM, {
        table,
        flags: { gpusOfModel: 0, sysbox: 'yes' },
        prices: { taoPrice: { value: 500, currency: 'EUR', at: RUN }, kwhPrice: null },
      }),
    );
    const e = r.earnings!;
    // mine = 0.2 x 8/8 = 0.2, x 1.2 sysbox = 0.24; others 1 x (1 - 0.2) = 0.8; share = 0.2 x 0.24 / 1.04
    expect(e.share.value).toBeCloseTo((0.2 * 0.24) / 1.04, 12);
    expect(e.gross.fiatPerDay.value).toBeCloseTo(((0.2 * 0.24) / 1.04) * SN51_POOL * SN51_TAO_PER_ALPHA * 500, 6);
    expect(e.net.currency).toBe('EUR');
    expect(e.inputs.find((i) => i.name === 'burnFraction')?.asOf).toBe('2026-11-01');
  });
});

const withTrace = HAVE_H100_TRACE ? describe : describe.skip;
withTrace('the template on the shipped 2026 snapshot (no per-UID data): the mean miner of 247', () => {
  it('quality-share gives the even split of the pool with its measured power cost, and no gates', () => {
    const r = evaluateDir(templateRunOn2026(), TEMPLATE);
    expect(r.eligibility).toBeNull();
    const e = r.earnings!;
    expect(e.law).toBe('quality-share');
    // SN1 (Apex) at block 8,791,253: pool 1,877.06 alpha/day over 247 miner UIDs = 7.5994 alpha/day each
    expect(e.share).toEqual({ value: 1 / 247, low: 0, high: null });
    expect(e.gross.alphaPerDay.value).toBeCloseTo(1877.0606527879063 / 247, 9);
    expect(e.power.meanW).toBe(r.energy.measured ? r.energy.meanW : -1);
    expect(e.missing[0]).toMatch(/^the pay at each rank/);
  });
});
