// Law tables: a bad table is TABLE_INVALID with every problem as file:line, its age is counted and warned about past
// 90 days, and --law-table / a law's own file option / the profile decide which file is read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLawTable, readLawTable, tableAgeDays } from '../../harness/config/law-table-file.ts';
import { lawTablePath } from '../../harness/config/law-table-option.ts';
import { MinerbenchError } from '../../harness/errors.ts';
import { hardwareRateTableSchema } from '../../harness/evaluate/incentive/hardware-rate-table.ts';

const NOW = new Date('2026-11-25T00:00:00Z');

function problemsOf(f: () => unknown): MinerbenchError {
  try {
    f();
  } catch (e) {
    return e as MinerbenchError;
  }
  throw new Error('expected a MinerbenchError');
}

describe('law tables', () => {
  it('reports every problem with its line, the bad value and unknown keys', () => {
    const text = [
      '{',
      '  "source": "Datura-ai/lium-io@bc290ae:const.py",',
      '  "readAt": "22 Aug 2025",',
      '  "identify": "name",',
      '  "split": "class-pool",',
      '  "gpus": {',
      '    "NVIDIA H200": { "rate": -0.5 },',
      '    "NVIDIA H100 80GB HBM3": { "rate": 0.1, "ratte": 2 }',
      '  },',
      '  "burn": { "fraction": 0.8, "uids": [4] }',
      '}',
    ].join('\n');
    const e = problemsOf(() => parseLawTable(text, 'rates.json', hardwareRateTableSchema, NOW));
    expect(e.code).toBe('TABLE_INVALID');
    expect(e.exitCode).toBe(6);
    expect(e.details).toEqual([
      'rates.json:3: readAt: the date the source was read (the commit date), as YYYY-MM-DD (got "22 Aug 2025")',
      'rates.json:7: gpus.NVIDIA H200.rate: Too small: expected number to be >=0 (got -0.5)',
      'rates.json:8: gpus.NVIDIA H100 80GB HBM3: Unrecognized key: "ratte" (unknown keys are errors)',
    ]);
  });

  it('names the line of a JSON syntax error', () => {
    const e = problemsOf(() =>
      parseLawTable('{\n  "source": "x/y@1:z",\n  "readAt": 5,,\n}', 't.json', hardwareRateTableSchema, NOW),
    );
    expect(e.message).toMatch(/^t\.json:3: not valid JSON/);
  });

  it('counts the age from readAt and warns past 90 days', () => {
    // 2025-08-22 -> 2026-11-25: 131 days to the end of 2025 + 328 days of 2026 + 1 = 460 days.
    expect(tableAgeDays('2025-08-22', NOW)).toBe(460);
    expect(tableAgeDays('2026-08-27', NOW)).toBe(90);
    const fresh = parseLawTable(
      JSON.stringify({
        source: 'a/b@c:d',
        readAt: '2026-08-27',
        identify: 'name',
        split: 'class-pool',
        gpus: { X: { rate: 1 } },
        burn: { fraction: 0, uids: [] },
      }),
      'fresh.json',
      hardwareRateTableSchema,
      NOW,
    );
    expect(fresh).toMatchObject({ ageDays: 90, ageWarning: null, source: 'a/b@c:d' });
    const old = parseLawTable(
      JSON.stringify({
        source: 'a/b@c:d',
        readAt: '2026-08-26',
        identify: 'name',
        split: 'class-pool',
        gpus: { X: { rate: 1 } },
        burn: { fraction: 0, uids: [] },
      }),
      'old.json',
      hardwareRateTableSchema,
      NOW,
    );
    expect(old.ageWarning).toBe(
      'old.json was read from its source on 2026-08-26, 91 days ago (over 90): the subnet may pay by newer rates; point --law-table at a newer copy',
    );
  });

  it('reads a file from disk and refuses a missing one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mb-table-'));
    const file = path.join(dir, 'x.json');
    writeFileSync(
      file,
      JSON.stringify({
        source: 'a/b@c:d',
        readAt: '2026-11-01',
        identify: 'name',
        split: 'class-pool',
        gpus: { X: { rate: 1 } },
        burn: { fraction: 0, uids: [] },
      }),
    );
    expect(readLawTable(file, hardwareRateTableSchema, NOW).data.gpus['X']!.rate).toBe(1);
    expect(problemsOf(() => readLawTable(path.join(dir, 'nope.json'), hardwareRateTableSchema, NOW)).code).toBe(
      'TABLE_INVALID',
    );
  });

  it('chooses --law-table over the law option over the profile', () => {
    const base = { pluginDir: '/p/lium', profileTable: './tables/gpu-rates.json', cwd: '/home/u' };
    expect(lawTablePath({ ...base, lawTableFlag: null })).toEqual({
      file: '/p/lium/tables/gpu-rates.json',
      origin: 'plugin profile (law.table)',
    });
    expect(lawTablePath({ ...base, lawTableFlag: null, lawFileOption: { value: 'a.json', flag: 'auction' } })).toEqual({
      file: '/home/u/a.json',
      origin: 'flag --auction',
    });
    expect(
      lawTablePath({ ...base, lawTableFlag: 'new.json', lawFileOption: { value: 'a.json', flag: 'auction' } }),
    ).toEqual({ file: '/home/u/new.json', origin: 'flag --law-table' });
    expect(lawTablePath({ ...base, profileTable: undefined, lawTableFlag: null })).toBeNull();
  });
});
