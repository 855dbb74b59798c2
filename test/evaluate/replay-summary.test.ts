// Tests of the streaming replay summary on constructed records: counts by status, latency from successes only, the
// validator's reward (failures score 0), a broken scorer counted apart, the longest stretch without an answer.
import { describe, expect, it } from 'vitest';
import { ReplayAccumulator } from '../../harness/evaluate/replay-summary.ts';
import type { CapturedQuery } from '../../harness/model/captured-query.ts';
import type { ReplayMeta } from '../../harness/model/run-context.ts';
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

const meta: ReplayMeta = {
  startedMs: 0,
  measureStartMs: 100,
  endedMs: 2100,
  stoppedEarly: null,
  arrival: { kind: 'closed', open: false, concurrency: 2 },
  eventLoop: { p50Ms: 1, p99Ms: 2, maxMs: 3, meanMs: 1 },
  sweep: null,
  records: 6,
};
const query = (line: number): CapturedQuery => ({ t: 0, synapse: 'Dummy', body: { dummy_input: line }, line });
/** The template's rule: right when the answer is twice the input. */
const score = ({ query: q, response }: { query: CapturedQuery; response: Record<string, unknown> | null }) =>
  response?.dummy_output === (q.body.dummy_input as number) * 2 ? 1 : 0;

function summarize(
  records: RequestRecord[],
  answers: Array<number | null>,
  s: (i: { query: CapturedQuery; response: Record<string, unknown> | null }) => number = score,
) {
  const acc = new ReplayAccumulator(meta, { name: 'p.ts score()', score: s }, query);
  records.forEach((r, k) => acc.add(r, answers[k] === null ? null : { dummy_output: answers[k] }));
  return acc.finish(2, null);
}

const records = [
  rec(0, 0, 100, 'ok', true),
  rec(1, 100, 10),
  rec(2, 110, 20),
  rec(3, 130, 30),
  rec(4, 160, 12_000, 'timeout', false, 'no complete answer within 12000 ms'),
  rec(5, 170, 5, 'error', false, 'HTTP 500: Internal Server Error'),
];
// Line = i + 1, so a right answer is 2 (i + 1): queries 1 and 2 right, 3 wrong, 4 and 5 failed.
const answers = [2, 4, 6, 7, null, null];

describe('ReplayAccumulator', () => {
  const s = summarize(records, answers);

  it('counts measured queries by status, without the warm-up', () => {
    expect(s.load).toMatchObject({
      sent: 6,
      warmup: 1,
      measured: 5,
      ok: 3,
      error: 1,
      timeout: 1,
      interrupted: 0,
      windowSeconds: 2, // 2100 - 100 ms
      achievedQps: 2.5, // 5 / 2 s
      okQps: 1.5, // 3 / 2 s
      errorRate: 0.4, // 2 of 5
      offeredQps: null,
    });
    expect(s.load.topErrors).toEqual([
      { error: 'no complete answer within 12000 ms', count: 1 },
      { error: 'HTTP 500: Internal Server Error', count: 1 },
    ]);
  });

  it('takes latency from successful measured queries only', () => {
    expect(s.latency).toMatchObject({ count: 3, minMs: 10, maxMs: 30, meanMs: 20, p50Ms: 20.015 });
    expect(s.firstByte).toMatchObject({ count: 3, minMs: 5, maxMs: 15 });
  });

  it("averages the validator's reward with failures as 0", () => {
    // scores: 1, 1, 0 (wrong), 0 (timeout), 0 (error) -> 2 / 5
    expect(s.quality).toEqual({
      mean: 0.4,
      scored: 5,
      perfect: 2,
      zero: 3,
      scorer: 'p.ts score()',
      scorerErrors: { count: 0, first: [] },
    });
    expect(s.energyCounts).toEqual({ total: 5, successful: 3, qualitySum: 2 });
  });

  it('finds the longest stretch without an answer: from the last answer (175 ms) to the end of the window (2100 ms)', () => {
    // answers (ok or error) end at 110, 130, 160, 175 ms; the timeout is no answer.
    expect(s.load.longestSilence).toEqual({ ms: 1925, fromMs: 175, toMs: 2100 });
  });

  it('counts a scorer that throws, returns NaN or leaves [0, 1] as scorer errors, never as a bad miner', () => {
    const t = summarize(records, answers, ({ query: q }) => {
      if (q.line === 2) return Number.NaN;
      if (q.line === 3) return 1.5;
      if (q.line === 4) throw new Error('KeyError: dummy_output');
      return 1;
    });
    expect(t.quality.scorerErrors.count).toBe(3);
    expect(t.quality.scorerErrors.first).toEqual([
      { i: 1, line: 2, error: 'returned NaN, not a number' },
      { i: 2, line: 3, error: 'returned 1.5, outside [0, 1]' },
      { i: 3, line: 4, error: 'threw: KeyError: dummy_output' },
    ]);
    expect(t.quality).toMatchObject({ scored: 2, mean: 1 }); // lines 5 and 6 scored 1
  });

  it('keeps interrupted queries out of the error rate', () => {
    const t = summarize([...records, rec(6, 200, 50, 'interrupted', false, 'aborted')], [...answers, null]);
    expect(t.load).toMatchObject({ measured: 6, interrupted: 1, errorRate: 0.4, achievedQps: 2.5 });
    expect(t.load.topErrors.map((e) => e.error)).not.toContain('aborted');
  });

  it('counts a scorer that throws something without a string form as a scorer error, never letting it escape', () => {
    const t = summarize(records, answers, () => {
      throw Object.create(null) as object;
    });
    expect(t.quality.scorerErrors.count).toBe(5);
    expect(t.quality.scorerErrors.first[0]).toEqual({ i: 1, line: 2, error: 'threw: {}' });
  });
});

describe('tokens of streamed answers', () => {
  it('sums prompt and output tokens over the 2 s window and takes the median prefill speed per answer', () => {
    const streamed = (i: number, sentMs: number, chunks: number[], prompt: number, output: number): RequestRecord => ({
      ...rec(i, sentMs, chunks[chunks.length - 1]! - sentMs),
      chunkMs: chunks,
      promptTokens: prompt,
      outputTokens: output,
    });
    const s = summarize(
      [
        // prefill: 40 tokens in 200 ms = 200/s; decode: 10 tokens from 300 to 800 ms = 20/s
        streamed(0, 100, [300, 800], 40, 10),
        // 90 tokens in 300 ms = 300/s; 20 tokens from 700 to 1700 ms = 20/s
        streamed(1, 400, [700, 1700], 90, 20),
        // 10 tokens in 100 ms = 100/s; 30 tokens from 1100 to 2100 ms = 30/s
        streamed(2, 1000, [1100, 2100], 10, 30),
      ],
      [2, 4, 6],
    );
    const st = s.streaming!;
    expect(st.promptTokens).toBe(140); // 40 + 90 + 10
    expect(st.promptTokensPerWindowS).toBe(70); // 140 / 2 s (window 100..2100 ms)
    expect(st.outputTokensPerWindowS).toBe(30); // 60 / 2 s
    // median of 200, 300, 100 tokens/s, kept in an HDR histogram (within 0.1 %)
    expect(Math.abs(st.promptTokensPerS!.p50! - 200)).toBeLessThan(0.2);
    expect(Math.abs(st.tokensPerS.p50! - 20)).toBeLessThan(0.02); // median of 20, 20, 30 (HDR, within 0.1 %)
  });
});
