// Tests of the validity verdict and the caching probe's verdict on constructed facts, every reason spelled out.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDITY, validityVerdict } from '../../harness/evaluate/validity.ts';
import { cachingVerdict } from '../../harness/evaluate/validity-caching.ts';

const good = {
  replay: { measured: 500, errorRate: 0, windowSeconds: 30, sendLagP99Ms: 0.4, eventLoop: { p99Ms: 11, maxMs: 14 } },
};

describe('validityVerdict', () => {
  it('is VALID when every minimum and bound holds', () => {
    expect(validityVerdict(good)).toEqual({ verdict: 'VALID', reasons: [] });
  });

  it('is INVALID with every reason at once', () => {
    const v = validityVerdict(
      {
        replay: {
          measured: 40,
          errorRate: 0.05,
          windowSeconds: 0.5,
          sendLagP99Ms: 25,
          eventLoop: { p99Ms: 120, maxMs: 900 },
          caching: cachingVerdict({ freshMs: [100, 110, 120], repeatedMs: [10, 11, 12] }),
          sweepKnee: null,
        },
        failure: 'interrupted (SIGTERM)',
        minerRestarted: 'the miner exited with code 3 at 12.0 s',
        other: ['another minerbench run shared this machine'],
      },
      { ...DEFAULT_VALIDITY, minDurationS: 1 },
    );
    expect(v.verdict).toBe('INVALID');
    expect(v.reasons).toEqual([
      'the run did not complete: interrupted (SIGTERM)',
      'too few measured queries: 40 < 100 (raise --queries or --duration)',
      'error rate 5.00% is above 1.00%',
      'measured for 0.5 s, under the 1 s minimum (raise --duration or --queries, or lower --min-duration)',
      'send lag p99 25 ms is above 10 ms: the harness could not keep the schedule (lower --rate, or raise --max-in-flight)',
      'the harness event loop was blocked: delay p99 120 ms (max 900 ms) is above 100 ms',
      'caching suspected: repeated queries answered 10x faster than fresh ones (p50 11 ms vs 110 ms; limit 2x)',
      'sweep: no step kept p99 under the validator timeout at >= 99% success (start lower with --sweep-start)',
      'the miner restarted during the measurement: the miner exited with code 3 at 12.0 s',
      'another minerbench run shared this machine',
    ]);
  });

  it('judges a workload that sends no queries only on how the run went', () => {
    expect(validityVerdict({})).toEqual({ verdict: 'VALID', reasons: [] });
    expect(validityVerdict({ other: ['the stress load was not stable'] }).reasons).toEqual([
      'the stress load was not stable',
    ]);
  });

  it('takes the user rules in place of the defaults', () => {
    expect(
      validityVerdict({ replay: { ...good.replay, measured: 50 } }, { ...DEFAULT_VALIDITY, minQueries: 50 }).verdict,
    ).toBe('VALID');
    expect(
      validityVerdict({ replay: { ...good.replay, windowSeconds: 30 } }, { ...DEFAULT_VALIDITY, minDurationS: 60 })
        .reasons,
    ).toEqual(['measured for 30 s, under the 60 s minimum (raise --duration or --queries, or lower --min-duration)']);
  });
});

describe('cachingVerdict', () => {
  it('flags repeats much faster than fresh queries and passes similar ones', () => {
    expect(cachingVerdict({ freshMs: [100, 110, 120], repeatedMs: [10, 11, 12] })).toEqual({
      freshP50Ms: 110,
      repeatedP50Ms: 11,
      speedup: 10,
      threshold: 2,
      suspicious: true,
    });
    expect(cachingVerdict({ freshMs: [100, 110], repeatedMs: [90, 100] })).toEqual({
      freshP50Ms: 105,
      repeatedP50Ms: 95,
      speedup: 1.105,
      threshold: 2,
      suspicious: false,
    });
    expect(cachingVerdict({ freshMs: [], repeatedMs: [1] }).suspicious).toBe(false);
  });
});
