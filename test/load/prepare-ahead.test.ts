// Tests of the open loop with a transport that prepares requests ahead (virtual time): each query is prepared in
// schedule order at least the lead before it is due, handed to its own send, and cancelled when it is never sent.
import { describe, expect, it } from 'vitest';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import { PREPARE_LEAD_MS, PREPARE_REFILL_MS } from '../../harness/load/prepare-ahead.ts';
import { VirtualClock } from '../../harness/load/virtual-clock.ts';
import type { CapturedQuery } from '../../harness/model/captured-query.ts';
import type { PreparedSend, Transport } from '../../harness/transport/transport.ts';
import { collectRecords, fakeTransport, queriesOf } from './fake-transport.ts';

interface Prep extends PreparedSend {
  q: CapturedQuery;
  atMs: number;
  madeAt: number;
  cancelled: number;
  sent: number;
}

/** fakeTransport plus prepare(): records what was prepared, when, and what became of it. */
function preparing(clock: VirtualClock, latency: number) {
  const base = fakeTransport(clock, () => latency);
  const preps: Prep[] = [];
  const foreign: number[] = [];
  const t: Transport = {
    kind: 'fake-preparing',
    prepare(q, _ep, o) {
      const p: Prep = { q, atMs: o.atMs, madeAt: clock.now(), cancelled: 0, sent: 0, cancel: () => p.cancelled++ };
      preps.push(p);
      return p;
    },
    send(q, ep, o) {
      const p = o.prepared as Prep | undefined;
      if (p && p.q === q) p.sent++;
      else foreign.push(q.line);
      return base.send(q, ep, o);
    },
    close() {},
  };
  return { t, preps, foreign };
}

const endpoint = { host: '127.0.0.1', port: 1, hotkey: 'x' };
const run = async (
  clock: VirtualClock,
  transport: Transport,
  over: { maxInFlight?: number; durationS?: number } = {},
) => {
  const got = collectRecords();
  return got.with(
    await clock.run(
      runOpenLoop({
        onRecord: got.onRecord,
        queries: queriesOf(3),
        schedule: constantSchedule(100), // one query every 10 ms
        warmup: 0,
        ...(over.durationS === undefined ? { count: 20 } : { durationS: over.durationS }),
        maxInFlight: over.maxInFlight ?? 100,
        whenFull: 'drop',
        transport,
        endpoint,
        timeoutS: 12,
        clock,
        signal: new AbortController().signal,
      }),
    ),
  );
};

describe('runOpenLoop with Transport.prepare (virtual time)', () => {
  it('prepares each query once, in order, in batches at least PREPARE_REFILL_MS ahead, and sends it with its own', async () => {
    const clock = new VirtualClock();
    const { t, preps, foreign } = preparing(clock, 5);
    const out = await run(clock, t);
    expect([PREPARE_LEAD_MS, PREPARE_REFILL_MS]).toEqual([50, 25]);
    expect(out.records).toHaveLength(20);
    expect(foreign).toEqual([]);
    expect(preps.map((p) => p.atMs)).toEqual(Array.from({ length: 20 }, (_, k) => k * 10));
    expect(preps.map((p) => p.q.line)).toEqual(Array.from({ length: 20 }, (_, k) => (k % 3) + 1));
    // Step 0 (clock 0) prepares queries due by 0 + 50 ms: 0..5. Step k runs at query k-1's start, 10(k-1) ms, and
    // refills when what is prepared (through 50 ms) reaches less than 25 ms past query k (10k ms): at step 3 (20 ms,
    // 50 < 55), through 30 + 50 = 80 ms: 6, 7, 8. Then at steps 6, 9, ... (3m, at 30m - 10 ms) queries 3m+3..3m+5.
    const madeAt = (j: number) => (j <= 5 ? 0 : 30 * Math.floor((j - 3) / 3) - 10);
    expect(preps.map((p) => p.madeAt)).toEqual(Array.from({ length: 20 }, (_, j) => madeAt(j)));
    // Each is prepared 40 to 60 ms before it is due (queries 0..5: 0 to 50 ms, as the loop begins).
    expect(preps.slice(6).every((p) => p.atMs - p.madeAt >= 40 && p.atMs - p.madeAt <= 60)).toBe(true);
    expect(preps.every((p) => p.sent === 1 && p.cancelled === 0)).toBe(true);
  });

  it('cancels the prepared request of a dropped query and those past the end of a timed run', async () => {
    const clock = new VirtualClock();
    const { t, preps } = preparing(clock, 25); // one slot, 25 ms answers: of every 3 starts 2 find it busy
    const out = await run(clock, t, { maxInFlight: 1, durationS: 0.1 });
    // 100 ms at 10 ms spacing: queries 0..9 are due; 0, 3, 6, 9 find the slot free (25 ms < 30 ms), the rest drop.
    expect(out.records.map((r) => r.status)).toEqual(
      ['ok', 'dropped', 'dropped'].concat(['ok', 'dropped', 'dropped'], ['ok', 'dropped', 'dropped'], ['ok']),
    );
    expect(preps.filter((p) => p.sent).map((p) => p.atMs)).toEqual([0, 30, 60, 90]);
    expect(preps.filter((p) => p.cancelled).map((p) => p.atMs)).toEqual(
      // dropped ones, then the ones prepared ahead for 100..140 ms that the 100 ms run never sends
      [10, 20, 40, 50, 70, 80, 100, 110, 120, 130, 140],
    );
    expect(preps.every((p) => p.sent + p.cancelled === 1)).toBe(true);
  });

  it("prepares each request with the timeout its send uses: the query's own, or --timeout when it wins", async () => {
    for (const timeoutWins of [false, true]) {
      const clock = new VirtualClock();
      const base = fakeTransport(clock, () => 1);
      const prepared: number[] = [];
      const sent: number[] = [];
      const t: Transport = {
        kind: 'fake-preparing',
        prepare: (_q, _ep, o) => (prepared.push(o.timeoutS), { cancel: () => {} }),
        send: (q, ep, o) => (sent.push(o.timeoutS), base.send(q, ep, o)),
        close() {},
      };
      await clock.run(
        runOpenLoop({
          onRecord: () => {},
          queries: queriesOf(2).map((q) => ({ ...q, timeout: 7 })),
          schedule: constantSchedule(100),
          warmup: 0,
          count: 4,
          maxInFlight: 10,
          whenFull: 'drop',
          transport: t,
          endpoint,
          timeoutS: 12,
          timeoutWins,
          clock,
          signal: new AbortController().signal,
        }),
      );
      expect(prepared).toEqual(new Array(4).fill(timeoutWins ? 12 : 7));
      expect(sent).toEqual(prepared);
    }
  });
});
