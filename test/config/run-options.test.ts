// Tests of the run's options: each declared once (flag, variable, default, schema), layered defaults < MINERBENCH_* <
// flags, every problem named by the flag or variable it came from, unknown MINERBENCH_* variables reported.
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../harness/config/option-spec.ts';
import { RUN_OPTIONS } from '../../harness/config/run-options.ts';
import type { MinerbenchError } from '../../harness/errors.ts';
import { resolveRunOptions, runOptionSpecs } from '../../harness/run/run-option-table.ts';

const fails = (f: () => unknown): MinerbenchError => {
  try {
    f();
  } catch (e) {
    return e as MinerbenchError;
  }
  throw new Error('expected an error');
};

describe('run options', () => {
  it('layers defaults, environment and flags, and says where each value came from', () => {
    const d = resolveRunOptions({}, {});
    expect(d.options).toMatchObject({
      concurrency: 8,
      warmup: null, // resolved by the workload: 20, or an open loop's first second of queries
      out: '.minerbench',
      arrival: 'closed',
      timeoutS: null,
    });
    const r = resolveRunOptions(
      { concurrency: 4 },
      { MINERBENCH_CONCURRENCY: '16', MINERBENCH_WARMUP: '5', MINERBENCH_OUT: '/tmp/o' },
    );
    expect(r.options).toMatchObject({ concurrency: 4, warmup: 5, out: '/tmp/o' });
    expect(r.origin).toMatchObject({
      concurrency: 'flag --concurrency',
      warmup: 'environment MINERBENCH_WARMUP=5',
      idleS: 'default',
    });
  });

  it('reports every bad value at once with the flag or variable it came from', () => {
    const err = fails(() =>
      resolveRunOptions(
        { concurrency: 0, queries: 5, durationS: 10, ratePerS: Number.NaN, timeoutS: 3_000_000 },
        { MINERBENCH_WARMUP: 'lots' },
      ),
    );
    expect(err.code).toBe('USAGE');
    expect(err.details).toEqual(
      expect.arrayContaining([
        '--queries and --duration both given: choose one (a count, or a time)',
        'flag --concurrency: must be >= 1 (got 0)',
        expect.stringMatching(/^environment MINERBENCH_WARMUP=lots: must be a number .*\(got NaN\)$/),
        expect.stringMatching(/^flag --rate: .*\(got NaN\)$/),
        'flag --timeout: must be at most 2147483 s (the longest timer Node can keep) (got 3000000)',
      ]),
    );
  });

  it('checks the runtime kinds own options: external needs an endpoint, and a hotkey only when the transport signs', () => {
    expect(fails(() => resolveRunOptions({ runtime: 'external' }, {}, { signs: true })).details).toEqual([
      '--runtime external needs --endpoint HOST:PORT (the running miner)',
      '--runtime external needs --miner-hotkey SS58: this subnet signs each request for the hotkey the miner verifies',
    ]);
    expect(
      resolveRunOptions({ runtime: 'external', endpoint: '127.0.0.1:8000' }, {}, { signs: false }).options.endpoint,
    ).toBe('127.0.0.1:8000');
    expect(fails(() => resolveRunOptions({ endpoint: '127.0.0.1:8000' }, {})).details).toEqual([
      '--endpoint only apply to --runtime external',
    ]);
    expect(fails(() => resolveRunOptions({ runtime: 'podman', arrival: 'burst' }, {})).details).toEqual([
      '--arrival burst: unknown arrival model (use one of: closed, constant, poisson, sweep, trace)',
      '--runtime podman: unknown runtime (use one of: docker, external, process)',
    ]);
  });

  it('names MINERBENCH_* variables that no option reads, and declares each flag once', () => {
    const r = resolveOptions(
      RUN_OPTIONS,
      {},
      { MINERBENCH_CONCURENCY: '4', MINERBENCH_MACHINE_NAME: 'gpu-07', MINERBENCH_WARMUP: '3' },
    );
    expect(r.unknownEnv).toEqual(['MINERBENCH_CONCURENCY']);
    const flags = runOptionSpecs().map((s) => s.flag);
    expect(new Set(flags).size).toBe(flags.length);
  });
});
