// `minerbench estimate <result.json>`: recomputes a saved run's earnings with other prices, offline from the shipped snapshot.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const RESULT = path.resolve(import.meta.dirname, '../fixtures/results/gpu-h100-earnings.json');

describe('minerbench estimate', () => {
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
    expect(pue.err).toContain('--pue must be >= 1 (got 0.5)');
    const other = await runCli([
      'estimate',
      path.resolve(import.meta.dirname, '../fixtures/chain/derived/sn1_block6852690_runtime_api_decoded.json'),
      '--offline',
    ]);
    expect(other.code).toBe(41);
  });
});
