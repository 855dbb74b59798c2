// Tests parseQueryGpuCsv and the cell readers against every recorded --query-gpu CSV and power trace.
import { describe, expect, it } from 'vitest';
import { parseQueryGpuCsv, parseSmiTimestampMs, splitCsvLine } from '../../harness/gpu/query-gpu-csv.ts';
import { smiBitmask, smiNumber, smiText } from '../../harness/gpu/smi-value.ts';
import { describeShared } from '../support/describe-shared.ts';
import { fixtureFiles, readFixture } from './fixture-paths.ts';

const CSVS = [...fixtureFiles('csv', '.csv'), ...fixtureFiles('power-traces', '.csv')];
const csv = (rel: string) => parseQueryGpuCsv(readFixture(rel));

describeShared('parseQueryGpuCsv on the recordings', () => {
  it('finds the 17 capture slices, the netdata nounits file and the 4 power traces', () => {
    expect(CSVS).toHaveLength(22);
  });

  it.each(CSVS)('reads %s: one cell per column on every complete line', (rel) => {
    const c = csv(rel);
    expect(c.rows.length).toBeGreaterThan(0);
    expect(c.columns.map((x) => x.field)).toContain('power.draw');
    for (const row of c.rows) expect(Object.keys(row)).toHaveLength(c.columns.length);
  });

  it('H100 load slice (590.48.01, with units): 212 columns; draw, average, instant, limit, reasons', () => {
    const c = csv('csv/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load__query-gpu.csv');
    expect(c.columns).toHaveLength(212);
    expect(c.columns.find((x) => x.field === 'power.draw')).toEqual({ field: 'power.draw', unit: 'W' });
    const r = c.rows[0]!;
    expect(smiText(r['name'])).toBe('NVIDIA H100 80GB HBM3');
    expect(smiText(r['uuid'])).toBe('GPU-00000000-0000-0000-0000-000000000000');
    expect(smiNumber(r['power.draw'])).toBe(631.95);
    expect(smiNumber(r['power.draw.average'])).toBe(631.95);
    expect(smiNumber(r['power.draw.instant'])).toBe(625.68);
    expect(smiNumber(r['enforced.power.limit'])).toBe(700);
    expect(smiNumber(r['utilization.gpu'])).toBe(100);
    expect(smiNumber(r['memory.used'])).toBe(19818);
    expect(smiBitmask(r['clocks_event_reasons.active'])).toBe(0);
    expect(smiText(r['mig.mode.current'])).toBe('Disabled');
  });

  it('H100 with MIG on: utilization.gpu is [N/A] (null, not 0) while power reads 433.78 W', () => {
    const r = csv('csv/linux-x86_64__nvidia-h100-mig__590.48.01__load__query-gpu.csv').rows[0]!;
    expect(smiText(r['mig.mode.current'])).toBe('Enabled');
    expect(r['utilization.gpu']).toBe('[N/A]');
    expect(smiNumber(r['utilization.gpu'])).toBeNull();
    expect(smiNumber(r['power.draw'])).toBe(433.78);
  });

  it('RTX 2080 SUPER (Turing): power.draw.average is [N/A], draw equals instant; idle shows sw_power_cap (0x4)', () => {
    const r = csv('csv/linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05__idle__query-gpu.csv').rows[0]!;
    expect(smiNumber(r['power.draw.average'])).toBeNull();
    expect(smiNumber(r['power.draw'])).toBe(39.32);
    expect(smiNumber(r['power.draw.instant'])).toBe(39.32);
    expect(smiBitmask(r['clocks_event_reasons.active'])).toBe(4);
  });

  it('Windows 610.62: [Function Not Found] cells read as null', () => {
    const c = csv('csv/windows-x86_64__nvidia-geforce-rtx-2080-super__610.62__idle__query-gpu.csv');
    const missing = Object.entries(c.rows[0]!).filter(([, v]) => v === '[Function Not Found]');
    expect(missing.length).toBeGreaterThan(0);
    for (const [, v] of missing) expect(smiNumber(v)).toBeNull();
  });

  it('netdata nounits: units in the header only, bare values, fan.speed [N/A]', () => {
    const c = csv('csv/netdata_tesla-p100_csv-nounits.csv');
    expect(c.columns[10]).toEqual({ field: 'power.draw', unit: 'W' });
    expect(c.columns[9]).toEqual({ field: 'temperature.gpu', unit: null });
    const r = c.rows[0]!;
    expect(smiText(r['name'])).toBe('Tesla P100-PCIE-16GB');
    expect(smiNumber(r['power.draw'])).toBe(28.16);
    expect(smiNumber(r['fan.speed'])).toBeNull();
    expect(smiNumber(r['clocks.current.sm'])).toBe(405);
  });

  it('energy-inference A100 trace: 1979 rows, the truncated last line is an error value', () => {
    const c = csv('power-traces/energy-inference_a100-palmetto_falcon-7b_2024-04-03_nvidia-smi.csv');
    expect(c.rows).toHaveLength(1979);
    expect(c.errors).toEqual([{ line: 1981, text: '2024/04/03', reason: 'expected 4 cells, got 1' }]);
    expect(smiNumber(c.rows[0]!['power.draw'])).toBe(29.99);
    expect(smiNumber(c.rows[0]!['utilization.gpu'])).toBe(0);
  });

  it('powertrace-sim H100 trace (no spaces, no units in values): 265 rows', () => {
    const c = csv('power-traces/powertrace-sim_h100_qwen3-8b_vllm-sharegpt-4rps_power.csv');
    expect(c.rows).toHaveLength(265);
    expect(c.rows[0]).toMatchObject({
      uuid: 'GPU-171e341c-4c74-fca8-094f-1cbff4dbdd21',
      'power.draw': '122.85',
      'clocks.sm': '1830',
    });
  });
});

describe('parseQueryGpuCsv on given text', () => {
  it('noheader output with the fields asked for', () => {
    const c = parseQueryGpuCsv('2026/07/18 17:57:51.969, GPU-171e341c-4c74-fca8-094f-1cbff4dbdd21, 122.70, [N/A]\n', {
      fields: ['timestamp', 'uuid', 'power.draw', 'pstate'],
    });
    expect(c.rows).toEqual([
      {
        timestamp: '2026/07/18 17:57:51.969',
        uuid: 'GPU-171e341c-4c74-fca8-094f-1cbff4dbdd21',
        'power.draw': '122.70',
        pstate: '[N/A]',
      },
    ]);
    expect(splitCsvLine('a, b,c')).toEqual(['a', 'b', 'c']);
  });

  it('reads nvidia-smi timestamps for differences within one recording', () => {
    const a = parseSmiTimestampMs('2024/04/03 10:47:35.673')!;
    expect(parseSmiTimestampMs('2024/04/03 10:47:35.778')! - a).toBe(105);
    expect(parseSmiTimestampMs('2024/04/03')).toBeNull();
  });
});
