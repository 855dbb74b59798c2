// Runs the template miner's own Python unit tests (header codec, field checks, body hash, SS58, verify rules) under npm test.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MINER = path.resolve(import.meta.dirname, '../../subnets/template/miner');

describe('template miner (Python unit tests)', () => {
  it('runs every test in subnets/template/miner/tests and all pass', () => {
    const r = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], {
      cwd: MINER,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    const ran = Number(/Ran (\d+) tests?/.exec(r.stderr)?.[1]);
    expect(ran).toBeGreaterThanOrEqual(17);
    expect(r.stderr.trim().endsWith('OK')).toBe(true);
  });
});
