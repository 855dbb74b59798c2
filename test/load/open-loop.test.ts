// Tests of the open-loop replayer in virtual time: absolute schedule, drops and late starts counted, CO-corrected times.
import { describe, expect, it } from 'vitest';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { runOpenLoop, type OpenLoopInput } from '../../harness/load/open-loop.ts';
import { VirtualClock } from '../../harness/load/virtual-clock.ts';
import { collectRecords, fakeTransport, queriesOf } from './fake-transport.ts';

const endpoint = { host: '127.0.0.1', port: 1, hotkey: 'x' };

function setup(latency: (sentMs: number) => number | 'error', over: Partial<OpenLoopInput> = {}) {
  const clock = new VirtualClock();
  const transport = fakeTransport(clock, latency);
  const got = collectRecords();
  const input: OpenLoopInput = {
    queries: queriesOf(3),
    schedule: constantSchedule(10),
    warmup: 1,
    count: 4,
    maxInFlight: 100,
    whenFull: 'drop',
    transport,
    endpoint,
    timeoutS: 12,
    clock,
    signal: new AbortController().signal,
    onRecord: got.onRecord,
    ...over,
  };
  return { clock, transport, run: async () => got.with(await clock.run(runOpenLoop(input))) };
}

describe('runOpenLoop (virtual time)', () => {
  it('sends query i at i/rate whatever the latency, cycles the file and marks the warm-up', async () => {
    const { run, transport } = setup(() => 250);
    const out = await run();
    expect(transport.sent).toEqual([0, 100, 200, 300, 400]);
    expect(out.records.map((r) => [r.i, r.line, r.warmup, r.intendedMs, r.sentMs, r.endMs, r.status])).toEqual([
      [0, 1, true, 0, 0, 250, 'ok'],
      [1, 2, false, 100, 100, 350, 'ok'],
      [2, 3, false, 200, 200, 450, 'ok'],
      [3, 1, false, 300, 300, 550, 'ok'],
      [4, 2, false, 400, 400, 650, 'ok'],
    ]);
    expect(out.responses.map((r) => r?.echo)).toEqual([1, 2, 3, 1, 2]);
    expect(out.measureStartMs).toBe(100);
    expect(out.endedMs).toBe(650);
  });

  it('counts a start that finds every slot busy as dropped (never hidden)', async () => {
    const { run, transport } = setup(() => 250, { maxInFlight: 1, warmup: 0, count: 5 });
    const out = await run();
    expect(transport.sent).toEqual([0, 300]);
    expect(out.records.map((r) => [r.i, r.status, r.intendedMs, r.sentMs])).toEqual([
      [0, 'ok', 0, 0],
      [1, 'dropped', 100, 100],
      [2, 'dropped', 200, 200],
      [3, 'ok', 300, 300],
      [4, 'dropped', 400, 400],
    ]);
    expect(out.records[1]!.error).toBe('dropped: all 1 in-flight slots were busy at the intended start');
  });

  it('with whenFull queue sends late, and the lag stays visible as sentMs - intendedMs', async () => {
    const { run, transport } = setup(() => 250, { maxInFlight: 1, warmup: 0, count: 3, whenFull: 'queue' });
    const out = await run();
    expect(transport.sent).toEqual([0, 250, 500]);
    expect(out.records.map((r) => [r.intendedMs, r.sentMs, r.endMs])).toEqual([
      [0, 0, 250],
      [100, 250, 500],
      [200, 500, 750],
    ]);
  });

  it('stops at durationS after the first measured query', async () => {
    const { run } = setup(() => 5, { count: undefined, durationS: 0.35, warmup: 2 });
    const out = await run();
    expect(out.records.map((r) => r.intendedMs)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(out.measureStartMs).toBe(200);
  });

  it('keeps going through a stall: latency from the intended start carries it, from the send it would too (open loop)', async () => {
    // The miner answers in 5 ms but freezes from 1000 to 2000 ms: answers due in the freeze come at 2000.
    const { run } = setup((sent) => (sent >= 1000 && sent < 2000 ? 2000 - sent + 5 : 5), {
      schedule: constantSchedule(10),
      warmup: 0,
      count: 30,
    });
    const out = await run();
    const lat = out.records.map((r) => r.endMs - r.intendedMs);
    expect(lat.slice(8, 22)).toEqual([5, 5, 1005, 905, 805, 705, 605, 505, 405, 305, 205, 105, 5, 5]);
  });

  it('records an error outcome as an error and a transport that throws as an error too', async () => {
    const clock = new VirtualClock();
    const transport = { kind: 'throws', send: () => Promise.reject(new Error('boom')), close() {} };
    const got = collectRecords();
    const out = got.with(
      await clock.run(
        runOpenLoop({
          queries: queriesOf(1),
          schedule: constantSchedule(10),
          warmup: 0,
          count: 2,
          maxInFlight: 5,
          whenFull: 'drop',
          transport,
          endpoint,
          timeoutS: 1,
          clock,
          signal: new AbortController().signal,
          onRecord: got.onRecord,
        }),
      ),
    );
    expect(out.records.map((r) => [r.status, r.error])).toEqual([
      ['error', 'transport failed: boom'],
      ['error', 'transport failed: boom'],
    ]);
    const e = await setup(() => 'error', { warmup: 0, count: 1 }).run();
    expect(e.records.map((r) => [r.status, r.error])).toEqual([['error', 'HTTP 500']]);
  });

  it("records a query in flight when the user stops the run as interrupted, not as the miner's error", async () => {
    const interrupt = new AbortController();
    const signal = new AbortController();
    // Ctrl-C at 100 ms, as query 1 goes out: queries 0 and 1 are in flight, query 2 (due at 200 ms) never starts.
    const stop = (sent: number) => {
      if (sent === 100) {
        interrupt.abort('SIGINT');
        signal.abort('SIGINT');
      }
      return 500;
    };
    const { run } = setup(stop, { warmup: 0, count: 3, signal: signal.signal, interrupt: interrupt.signal });
    const out = await run();
    expect(out.records.map((r) => r.status)).toEqual(['interrupted', 'interrupted']);
  });
});
