// `minerbench estimate <result.json>`: recomputes a saved run's earnings with other prices, offline from the shipped snapshot.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../support/describe-shared.ts';
import { SHARED_FIXTURES_PRESENT } from '../support/shared-fixtures.ts';
import { runCli } from '../support/run-cli.ts';

import { readGolden } from '../fixtures/results/synthetic-results.ts';

/** The GPU golden result (evaluated from the recorded H100 trace), as a result.json on disk. */
const RESULT = path.join(mkdtempSync(path.join(tmpdir(), 'mb-estimate-')), 'result.json');
if (SHARED_FIXTURES_PRESENT) writeFileSync(RESULT, JSON.stringify(readGolden('gpu')));

describeShared('minerbench estimate', () => {
  it('prices the measured power and names the chain block it used', async () => {
    const r = await runCli([
      'estimate',
      RESULT,
      '--offline',
      '--tao-price',
      '400',
      '--kwh-price',
      '0.12',
      '--pue',
      '1.3',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('using the snapshot shipped with minerbench (block 8,791,253');
    expect(r.out).toContain('power: 418 W x PUE 1.3 = 13.05 kWh/day = 1.57 USD/day');
    expect(r.out).toContain('chain: block 8,791,253 of 2026-08-07T08:35:00.000Z (capture time)');
    expect(r.out).toContain('placement (spread-only)');
  });

  it('gives the same figures as JSON with --json', async () => {
    const r = await runCli(['estimate', RESULT, '--offline', '--kwh-price', '0.12', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      chain: { block: { number: number } };
      earnings: { power: { avgPowerW: number; costPerDay: number } };
    };
    expect(j.chain.block.number).toBe(8_791_253);
    expect(j.earnings.power.avgPowerW).toBeCloseTo(418.31, 1);
    expect(j.earnings.power.costPerDay).toBeCloseTo((418.31 * 24 * 0.12) / 1000, 2);
  });

  it('refuses a PUE below 1 (exit 2) and a result of another schema version (exit 41)', async () => {
    const pue = await runCli(['estimate', RESULT, '--offline', '--pue', '0.5']);
    expect(pue.code).toBe(2);
    expect(pue.err).toContain('flag --pue: must be >= 1 (power usage effectiveness of the site) (got 0.5)');
    // The same result, as a minerbench of another result schema would have written it.
    const otherVersion = path.join(mkdtempSync(path.join(tmpdir(), 'mb-estimate-')), 'result.json');
    writeFileSync(otherVersion, JSON.stringify({ ...JSON.parse(readFileSync(RESULT, 'utf8')), schemaVersion: 0 }));
    const other = await runCli(['estimate', otherVersion, '--offline']);
    expect(other.code).toBe(41);
  });
});
