// measureOpenLoop: one open-loop run at a constant rate against a miner, with what the load benchmarks report about it:
// achieved rate, send lag, CPU per query (the whole process, the clock's spin-wait included, and the signing workers
// alone), event-loop delay, RSS. measureClosedLoop: the highest closed-loop rate and its CPU per query (no spin-wait).
import { performance } from 'node:perf_hooks';
import { runClosedLoop } from '../../harness/load/closed-loop.ts';
import { constantSchedule } from '../../harness/load/constant-arrival.ts';
import { startEventLoopMonitor } from '../../harness/load/event-loop-monitor.ts';
import { realClock } from '../../harness/load/load-clock.ts';
import { runOpenLoop } from '../../harness/load/open-loop.ts';
import type { CapturedQuery } from '../../harness/model/captured-query.ts';
import { LatencyRecorder } from '../../harness/evaluate/latency-recorder.ts';
import type { MinerEndpoint, Transport } from '../../harness/transport/transport.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

export interface OpenLoopMeasure {
  rate: number;
  measured: number;
  ok: number;
  dropped: number;
  achieved: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  /** CPU of the whole process (every thread: signing workers included), microseconds per measured query. */
  cpuUsPerQuery: number;
  /** Busy time of the signing worker threads, microseconds per measured query (0: no signing workers). */
  signingUsPerQuery: number;
  eventLoopP99: number;
  /** Measured sends whose request no signing worker had reached when due, signed on the schedule thread (signed path). */
  signedOnScheduleThread: number;
  /** [seconds since the measurement began, RSS MB], one sample a second. */
  rss: Array<[number, number]>;
}

export async function measureOpenLoop(o: {
  transport: Transport;
  endpoint: MinerEndpoint;
  query: CapturedQuery;
  rate: number;
  seconds: number;
  warmupS?: number;
  /** Each record and answer as it completes (the memory benchmark writes them where a run would). */
  onRecord?: (r: RequestRecord, response: Record<string, unknown> | null) => void;
}): Promise<OpenLoopMeasure> {
  // One query first: the connection and (signed path) the signing workers are up before the schedule starts.
  await o.transport.send(o.query, o.endpoint, { timeoutS: 5, now: () => performance.now() });
  const warmupS = o.warmupS ?? 1;
  const t0 = performance.now();
  const clock = realClock(() => performance.now() - t0);
  const loop = startEventLoopMonitor();
  let cpu0 = process.cpuUsage();
  let signing0 = signingBusyMs(o.transport);
  let here0 = signedHere(o.transport);
  const rss: Array<[number, number]> = [];
  // The measurement begins when the warm-up's last query is due.
  const startMeasure = setTimeout(() => {
    cpu0 = process.cpuUsage();
    signing0 = signingBusyMs(o.transport);
    here0 = signedHere(o.transport);
    loop.reset();
    rss.push([0, process.memoryUsage.rss() / 1e6]);
  }, warmupS * 1000);
  const sampler = setInterval(() => {
    if (rss.length) rss.push([(clock.now() - warmupS * 1000) / 1000, process.memoryUsage.rss() / 1e6]);
  }, 1000);
  // Streaming figures, as a run keeps them: the benchmark's own memory must not grow with the run either.
  const lags = new LatencyRecorder();
  let measured = 0;
  let ok = 0;
  let sent = 0;
  let first = Infinity;
  let last = -Infinity;
  await runOpenLoop({
    onRecord: (r, response) => {
      o.onRecord?.(r, response);
      if (r.warmup) return;
      measured++;
      if (r.status === 'ok') ok++;
      if (r.status === 'dropped') return;
      sent++;
      if (r.sentMs < first) first = r.sentMs;
      if (r.sentMs > last) last = r.sentMs;
      lags.record(r.sentMs - r.intendedMs);
    },
    queries: [o.query],
    schedule: constantSchedule(o.rate),
    warmup: Math.round(o.rate * warmupS),
    durationS: o.seconds,
    maxInFlight: 1000,
    whenFull: 'drop',
    transport: o.transport,
    endpoint: o.endpoint,
    timeoutS: 5,
    clock,
    signal: new AbortController().signal,
  });
  clearTimeout(startMeasure);
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  const signingMs = signingBusyMs(o.transport) - signing0;
  const el = loop.stop();
  const lag = lags.stats();
  lags.destroy();
  return {
    rate: o.rate,
    measured,
    ok,
    dropped: measured - sent,
    achieved: ((sent - 1) / (last - first)) * 1000,
    lagP50: lag.p50Ms ?? NaN,
    lagP99: lag.p99Ms ?? NaN,
    lagMax: lag.maxMs ?? NaN,
    cpuUsPerQuery: (cpu.user + cpu.system) / sent,
    signingUsPerQuery: (signingMs * 1000) / sent,
    eventLoopP99: el.p99Ms,
    signedOnScheduleThread: signedHere(o.transport) - here0,
    rss,
  };
}

function signedHere(t: Transport): number {
  return (t as { signedOnScheduleThread?: number }).signedOnScheduleThread ?? 0;
}

/** Busy milliseconds of a transport's signing workers (0 for transports without). */
function signingBusyMs(t: Transport): number {
  return (t as { signingBusyMs?: () => number }).signingBusyMs?.() ?? 0;
}

export interface ClosedLoopMeasure {
  rate: number;
  /** CPU of the whole process per answered query, microseconds. */
  cpuUsPerQuery: number;
  /** Of which the signing workers' busy time. */
  signingUsPerQuery: number;
}

/** A closed loop with `concurrency` workers for `seconds` after a 1 s warm-up: the rate and CPU the client spends. */
export async function measureClosedLoop(o: {
  transport: Transport;
  endpoint: MinerEndpoint;
  query: CapturedQuery;
  seconds: number;
  concurrency: number;
}): Promise<ClosedLoopMeasure> {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  let cpu0 = process.cpuUsage();
  let signing0 = signingBusyMs(o.transport);
  let measuring = false;
  let answered = 0;
  const out = await runClosedLoop({
    queries: [o.query],
    count: 0,
    durationS: o.seconds,
    warmup: 1000,
    concurrency: o.concurrency,
    transport: o.transport,
    endpoint: o.endpoint,
    timeoutS: 5,
    now,
    signal: new AbortController().signal,
    onRecord: (r) => {
      if (r.warmup) return;
      if (!measuring) {
        measuring = true;
        cpu0 = process.cpuUsage();
        signing0 = signingBusyMs(o.transport);
      }
      if (r.status === 'ok') answered++;
    },
  });
  const cpu = process.cpuUsage(cpu0);
  const signingMs = signingBusyMs(o.transport) - signing0;
  return {
    rate: answered / ((out.endedMs - out.measureStartMs) / 1000),
    cpuUsPerQuery: (cpu.user + cpu.system) / answered,
    signingUsPerQuery: (signingMs * 1000) / answered,
  };
}
