// Tests of summarizeRun and latencyStats with literal numbers on constructed records.
import { describe, expect, it } from 'vitest';
import { latencyHistogram, latencyStats } from '../../harness/evaluate/latency-stats.ts';
import { summarizeRun } from '../../harness/evaluate/summarize-run.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

function rec(
  i: number,
  sentMs: number,
  ms: number,
  status: RequestRecord['status'] = 'ok',
  warmup = false,
  error?: string,
): RequestRecord {
  return {
    i,
    line: i + 1,
    warmup,
    intendedMs: sentMs,
    sentMs,
    firstByteMs: sentMs + ms / 2,
    endMs: sentMs + ms,
    status,
    bytesIn: 10,
    bytesOut: 20,
    ...(error ? { error } : {}),
  };
}

describe('latencyStats', () => {
  it('gives HDR percentiles of 1..100 ms (3 significant digits: the top of each value bucket, within 0.05%)', () => {
    const s = latencyStats(Array.from({ length: 100 }, (_, k) => k + 1));
    expect(s).toEqual({
      count: 100,
      minMs: 1,
      meanMs: 50.504,
      p50Ms: 50.015,
      p90Ms: 90.047,
      p99Ms: 99.007,
      maxMs: 100,
      stddevMs: 28.866,
    });
  });

  it('is all null without data, never zero', () => {
    expect(latencyStats([])).toEqual({
      count: 0,
      minMs: null,
      meanMs: null,
      p50Ms: null,
      p90Ms: null,
      p99Ms: null,
      maxMs: null,
      stddevMs: null,
    });
  });

  it('bins log-spaced (the last bin holds the maximum) and counts every value once', () => {
    const bins = latencyHistogram([1, 2, 4, 8, 8, 16], 1);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 3]);
    expect(bins[3]).toEqual({ fromMs: 8, toMs: 16, count: 3 });
    expect(bins[0]).toEqual({ fromMs: 1, toMs: 2, count: 1 });
  });
});

describe('summarizeRun', () => {
  const records = [
    rec(0, 0, 100, 'ok', true),
    rec(1, 100, 10),
    rec(2, 110, 20),
    rec(3, 130, 30),
    rec(4, 160, 12_000, 'timeout', false, 'no complete answer within 12000 ms'),
    rec(5, 170, 5, 'error', false, 'HTTP 500: Internal Server Error'),
  ];
  const s = summarizeRun({
    records,
    scores: [1, 1, 1, 0, 0, 0],
    concurrency: 2,
    measureStartMs: 100,
    endedMs: 2100,
    rules: { minQueries: 3, maxErrorRate: 0.5 },
  });

  it('counts measured queries by status, without the warm-up', () => {
    expect(s.load).toMatchObject({
      sent: 6,
      warmup: 1,
      measured: 5,
      ok: 3,
      error: 1,
      timeout: 1,
      windowSeconds: 2,
      achievedQps: 2.5,
      okQps: 1.5,
      errorRate: 0.4,
    });
    expect(s.load.topErrors).toHaveLength(2);
  });

  it('takes latency from successful measured queries only', () => {
    expect(s.latency).toMatchObject({ count: 3, minMs: 10, maxMs: 30, p50Ms: 20.015 });
    expect(s.firstByte).toMatchObject({ count: 3, minMs: 5, maxMs: 15 });
  });

  it('averages the validator reward with failures as 0', () => {
    expect(s.quality).toEqual({ mean: 0.4, scored: 5, perfect: 2, zero: 3 });
  });

  it('is VALID within its rules and INVALID with every reason outside them', () => {
    expect(s.validity).toEqual({ verdict: 'VALID', reasons: [] });
    const bad = summarizeRun({
      records,
      scores: [],
      concurrency: 2,
      measureStartMs: 100,
      endedMs: 2100,
      failure: 'the miner exited with code 3',
      rules: { minQueries: 10, maxErrorRate: 0.01 },
    });
    expect(bad.validity.verdict).toBe('INVALID');
    expect(bad.validity.reasons).toEqual([
      'the run did not complete: the miner exited with code 3',
      'too few measured queries: 5 < 10 (raise --queries or --duration)',
      'error rate 40.00% is above 1.00%',
    ]);
  });
});
