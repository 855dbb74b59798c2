// Tests of resolveRunOptions: defaults < MINERBENCH_* environment < flags, and every problem named by its origin.
import { describe, expect, it } from 'vitest';
import { resolveRunOptions, RUN_DEFAULTS } from '../../harness/config/run-options.ts';
import type { MinerbenchError } from '../../harness/errors.ts';

describe('resolveRunOptions', () => {
  it('layers defaults, environment and flags', () => {
    expect(resolveRunOptions({}, {})).toEqual(RUN_DEFAULTS);
    const r = resolveRunOptions(
      { concurrency: 4 },
      { MINERBENCH_CONCURRENCY: '16', MINERBENCH_WARMUP: '5', MINERBENCH_OUT: '/tmp/o' },
    );
    expect(r).toMatchObject({ concurrency: 4, warmup: 5, out: '/tmp/o' });
  });

  it('reports every bad value at once with the flag or variable it came from', () => {
    try {
      resolveRunOptions({ concurrency: 0, queries: 5, durationS: 10 }, { MINERBENCH_WARMUP: 'lots' });
      throw new Error('expected an error');
    } catch (e) {
      const err = e as MinerbenchError;
      expect(err.code).toBe('USAGE');
      expect(err.details).toEqual(
        expect.arrayContaining([
          expect.stringContaining('--queries and --duration both given'),
          expect.stringMatching(/^flag --concurrency: .*>=1/),
          expect.stringMatching(/^environment MINERBENCH_WARMUP=lots: /),
        ]),
      );
    }
  });
});
