// loadLawTableFor: the plugin's table by default, a law's own file option (--auction FILE, --field-quality FILE) over
// it, --law-table over both, none for a law without a table or a percentile placement; a bad file is TABLE_INVALID.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLawTableFor } from '../../harness/config/load-law-table.ts';
import { auctionLaw } from '../../harness/evaluate/incentive/auction.ts';
import { cappedPowerLaw } from '../../harness/evaluate/incentive/capped-power.ts';
import { qualityShareLaw } from '../../harness/evaluate/incentive/quality-share.ts';
import { REPO, NOW } from '../evaluate/incentive/law-test-support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mb-law-table-'));
const targon = path.join(REPO, 'subnets/targon');
const config = { kind: 'auction', table: './tables/auctions-example.json' };

function write(name: string, body: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, JSON.stringify(body));
  return f;
}

describe('loadLawTableFor', () => {
  const base = { pluginDir: targon, lawTableFlag: null, cwd: dir, now: NOW };

  it("reads the plugin's table, or the law's own file option, or --law-table", () => {
    const plugin = loadLawTableFor({ ...base, law: auctionLaw, config, lawFlags: { auction: null } });
    expect(plugin.choice?.origin).toBe('plugin profile (law.table)');
    expect(plugin.table?.readAt).toBe('2026-06-09');
    const live = write('live.json', {
      source: 'https://tower.targon.com/api/v1/auctions',
      readAt: '2026-11-24',
      auctions: { 'TDX-NVCC-NVIDIA-H100': { max_bid: 200, emission: 30, min_cluster_size: 8 } },
    });
    const own = loadLawTableFor({ ...base, law: auctionLaw, config, lawFlags: { auction: 'live.json' } });
    expect(own.choice).toEqual({ file: live, origin: 'flag --auction' });
    expect(own.table).toMatchObject({ ageDays: 1, ageWarning: null });
    const over = loadLawTableFor({ ...base, lawTableFlag: live, law: auctionLaw, config, lawFlags: { auction: null } });
    expect(over.choice?.origin).toBe('flag --law-table');
  });

  it('a percentile placement is a flag, a file of scores is a table; a law without a table reads none', () => {
    const q = { kind: 'quality-share' };
    expect(
      loadLawTableFor({ ...base, law: qualityShareLaw, config: q, lawFlags: { fieldQuality: '50' } }).table,
    ).toBeNull();
    write('field.json', { source: 'my notes', readAt: '2026-11-20', scores: [0.9, 0.5] });
    const f = loadLawTableFor({ ...base, law: qualityShareLaw, config: q, lawFlags: { fieldQuality: 'field.json' } });
    expect(f.table?.data).toEqual({ scores: [0.9, 0.5] });
    expect(loadLawTableFor({ ...base, law: cappedPowerLaw, config: { kind: 'capped-power' }, lawFlags: {} })).toEqual({
      table: null,
      choice: null,
    });
  });

  it('a file that fails the law schema is TABLE_INVALID naming its line', () => {
    write('bad.json', { source: 'my notes', readAt: '2026-11-20', scores: [1.5] });
    try {
      loadLawTableFor({
        ...base,
        law: qualityShareLaw,
        config: { kind: 'quality-share' },
        lawFlags: { fieldQuality: 'bad.json' },
      });
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; message: string; details: string[] };
      expect(err.code).toBe('TABLE_INVALID');
      expect(err.message).toMatch(/bad\.json is invalid \(1 problem\(s\)\)$/);
      expect(err.details[0]).toMatch(/bad\.json:1: scores\.0: Too big: expected number to be <=1 \(got 1\.5\)$/);
    }
  });
});
