// The replay workload: captured validator queries sent to the miner through the subnet's transport by an arrival model;
// every record and response streams to the run's artifacts as it completes; evaluation re-reads them.
import path from 'node:path';
import PQueue from 'p-queue';
import { DEFAULT_WARMUP } from '../config/run-options.ts';
import { replayProfile } from '../config/replay-profile.ts';
import type { ReplayProfile } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import { ReplayAccumulator } from '../evaluate/replay-summary.ts';
import { arrivalKind } from '../load/arrival-kinds.ts';
import type { ArrivalKind } from '../load/arrival-kind.ts';
import { runCachingProbe } from '../load/caching-probe.ts';
import { realClock } from '../load/load-clock.ts';
import { readQueriesFile } from '../load/queries-file.ts';
import { runReplay } from '../load/run-replay.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ReplayMeta } from '../model/run-context.ts';
import type { RequestRecord } from '../model/request-record.ts';
import type { MinerPath } from '../transport/direct-http.ts';
import { transportRoutes } from '../transport/transport-registry.ts';
import { SERVICE_OPTIONS } from '../services/service-options.ts';
import { ProgressMeter } from './progress-meter.ts';
import { MINER_PATH_OPTION, pathTransport, readyProber, replayAround } from './replay-services.ts';
import { defineWorkload, type WorkloadPlan } from './workload-kind.ts';

interface ReplayPlan extends WorkloadPlan {
  /** Seconds the schedule spans when known in advance (a trace), for the time left. */
  scheduleS: number | null;
  profile: ReplayProfile;
  arrival: ArrivalKind;
  lines: readonly CapturedQuery[];
  count: number | undefined;
  durationS: number | undefined;
  warmup: number;
  timeoutWins: boolean;
  timeoutS: number;
  cachingProbe: number;
  /** The miner's axon, or its own service directly (--miner-path). */
  path: MinerPath;
}

export const replayWorkload = defineWorkload<ReplayPlan>({
  kind: 'replay',
  summary: "captured validator queries replayed through the subnet's transport by an arrival model",
  options: [MINER_PATH_OPTION, ...SERVICE_OPTIONS],
  async plan(input) {
    const profile = replayProfile(input.profile, input.profileFile);
    const around = replayAround(profile, input.profileFile, input.options, input.origin);
    if (around.problems.length)
      throw new MinerbenchError(
        'USAGE',
        `invalid options for ${input.profileFile} (${around.problems.length} problem(s))`,
        {
          details: around.problems,
          hint: 'minerbench run --help lists every option',
        },
      );
    const o = input.options as Record<string, unknown> & {
      arrival: string;
      queries: number | null;
      durationS: number | null;
      warmup: number | null;
      timeoutS: number | null;
      cachingProbe: number;
    };
    const arrival = arrivalKind(o.arrival);
    const file = path.resolve(input.pluginDir, profile.queries);
    const lines = readQueriesFile(file, {
      allowedSynapses:
        around.path === 'direct' ? profile.direct!.routes.map((r) => r.synapse) : transportRoutes(profile.transport),
      monotonic: arrival.monotonicQueries,
    });
    const problems = arrival.check(o as never, lines);
    if (problems.length)
      throw new MinerbenchError(
        'USAGE',
        `invalid options for --arrival ${arrival.kind} (${problems.length} problem(s))`,
        {
          details: problems,
          hint: arrival.summary,
        },
      );
    const warmup = o.warmup ?? Math.max(DEFAULT_WARMUP, arrival.firstSecond?.(o as never) ?? 0);
    const count = o.durationS === null ? (o.queries ?? lines.length) : undefined;
    const fileTimeouts = lines.filter((q) => q.timeout !== undefined).length;
    const timeoutWins = o.timeoutS !== null;
    const timeoutS = o.timeoutS ?? profile.validator.timeoutS;
    const warnings: string[] = [];
    if (timeoutWins && fileTimeouts)
      warnings.push(
        `--timeout ${timeoutS} s overrides the queries file's own timeout on ${fileTimeouts} of ${lines.length} queries`,
      );
    const source = timeoutWins
      ? (input.origin.timeoutS ?? 'flag --timeout')
      : fileTimeouts === lines.length
        ? "the queries file's own timeout per query"
        : `the profile's validator timeout${fileTimeouts ? ` (${fileTimeouts} queries carry their own)` : ''}`;
    const sized = arrival.plan(o as never, lines, {
      warmup,
      count: o.durationS === null ? (o.queries ?? null) : null,
      durationS: o.durationS,
    });
    for (const w of sized.warnings) warnings.push(w);
    return {
      kind: 'replay',
      description: `${arrival.describe(o as never)}; ${warmup} warm-up + ${o.durationS === null ? `${sized.measured ?? count} queries` : `${o.durationS} s`}`,
      miner: profile,
      readyProbe: (signer) => readyProber(profile, signer),
      signs: around.path === 'axon' && profile.transport.kind !== 'openai-http',
      services: around.services,
      measuredPath: around.measuredPath,
      path: around.path,
      plannedUnits: sized.total,
      scheduleS: sized.spanS,
      queries: { file, lines },
      timeout: { s: timeoutS, source },
      validatorQps: profile.validator.queriesPerMinerPerMinute / 60,
      warnings,
      profile,
      arrival,
      lines,
      count,
      durationS: o.durationS ?? undefined,
      warmup,
      timeoutWins,
      timeoutS,
      cachingProbe: o.cachingProbe,
    };
  },

  async collect(ctx, plan) {
    const transport = pathTransport(plan.profile, plan.path, ctx.signer);
    const inspect = plan.profile.inspect;
    // The miner gets each query with clip URLs on the run's clip server (the queries file keeps its placeholders).
    const lines = ctx.rewriteQuery ? plan.lines.map(ctx.rewriteQuery) : plan.lines;
    const inspections = new PQueue({ concurrency: 2 });
    const meter = new ProgressMeter(ctx.now(), plan.plannedUnits, plan.durationS ?? null, plan.scheduleS);
    const byLine = new Map(lines.map((q) => [q.line, q]));
    const endpoint = ctx.endpoint!;
    let written = 0;
    const write = (r: RequestRecord, response: Record<string, unknown> | null, inspected?: unknown) => {
      ctx.records.write(r);
      ctx.responses.write(inspected === undefined ? { i: r.i, r: response } : { i: r.i, r: response, x: inspected });
      written++;
    };
    try {
      ctx.emit({ type: 'phase', phase: 'measure', detail: plan.description });
      const out = await runReplay(plan.arrival, ctx.options, {
        queries: lines,
        ...(plan.count === undefined ? {} : { count: plan.count }),
        ...(plan.durationS === undefined ? {} : { durationS: plan.durationS }),
        warmup: plan.warmup,
        transport,
        endpoint,
        timeoutS: plan.timeoutS,
        timeoutWins: plan.timeoutWins,
        clock: realClock(ctx.now),
        signal: ctx.signal,
        interrupt: ctx.interrupt,
        onRecord: (r, response) => {
          const p = meter.record(r.status === 'ok', ctx.now());
          if (p) ctx.emit(p);
          const query = byLine.get(r.line);
          if (!inspect || !query) return write(r, response);
          // What score needs but cannot compute purely (a file's SSIM) is found out now, off the load's path.
          void inspections.add(async () => {
            let inspected: unknown;
            try {
              inspected = await inspect({ query, response, record: r, services: ctx.services, signal: ctx.interrupt });
            } catch (e) {
              inspected = { inspectError: e instanceof Error ? e.message : String(e) };
            }
            write(r, response, inspected ?? null);
          });
        },
      });
      await inspections.onIdle();
      const meta: ReplayMeta = {
        startedMs: out.startedMs,
        measureStartMs: out.measureStartMs,
        endedMs: out.endedMs,
        stoppedEarly: out.stoppedEarly ?? null,
        arrival: out.arrival,
        eventLoop: out.eventLoop ?? null,
        sweep: out.sweep ?? null,
        records: written,
      };
      let caching = null;
      if (plan.cachingProbe > 0 && !ctx.signal.aborted) {
        ctx.emit({
          type: 'phase',
          phase: 'measure',
          detail: `caching probe: ${plan.cachingProbe} fresh and ${plan.cachingProbe} repeated queries`,
        });
        caching = await runCachingProbe({
          queries: lines,
          n: plan.cachingProbe,
          transport,
          endpoint,
          timeoutS: plan.timeoutS,
          now: ctx.now,
          signal: ctx.signal,
        });
      }
      return {
        replay: meta,
        caching,
        window: {
          warmup: { startMs: meta.startedMs, endMs: meta.measureStartMs },
          measure: { startMs: meta.measureStartMs, endMs: meta.endedMs },
        },
        stoppedEarly: meta.stoppedEarly,
      };
    } finally {
      await inspections.onIdle();
      transport.close();
    }
  },

  evaluate(a, profile) {
    const meta = a.context.replay;
    const p = replayProfile(profile, a.context.profile.file);
    if (!meta)
      return {
        result: {},
        energyCounts: null,
        invalid: ['the replay did not start: nothing was measured'],
        measure: { replay: null, tokens: null },
      };
    const byLine = new Map((a.queries ?? []).map((q) => [q.line, q]));
    const scorer = {
      name: `${a.context.profile.file} score()`,
      score: p.score,
      ...(p.qualityMetrics ? { metrics: p.qualityMetrics } : {}),
    };
    const acc = new ReplayAccumulator(meta, scorer, (line) => byLine.get(line));
    for (const l of a.replayLines()) acc.add(l.record, l.response, l.inspected);
    const o = a.context.options;
    const offered = meta.arrival.open
      ? typeof meta.arrival.ratePerS === 'number'
        ? meta.arrival.ratePerS
        : null
      : null;
    const s = acc.finish(typeof o.concurrency === 'number' ? o.concurrency : 1, offered);
    const timeoutS = a.context.timeout?.s ?? p.validator.timeoutS;
    const invalid: string[] = [];
    const silence = s.load.longestSilence;
    if (silence && silence.ms > timeoutS * 1000 && !a.context.failure)
      invalid.push(
        `no answer for ${(silence.ms / 1000).toFixed(1)} s (longer than the ${timeoutS} s timeout) from ${(silence.fromMs / 1000).toFixed(1)} s to ${(silence.toMs / 1000).toFixed(1)} s of the run: the miner stalled`,
      );
    const q = s.quality;
    if (q.scorerErrors.count)
      invalid.push(
        `the subnet's scorer (${q.scorer}) failed on ${q.scorerErrors.count} of ${q.scored + q.scorerErrors.count} answers (first: query ${q.scorerErrors.first[0]?.i}, line ${q.scorerErrors.first[0]?.line}: ${q.scorerErrors.first[0]?.error}): a broken scorer, not a bad miner; fix it and re-score with minerbench evaluate`,
      );
    const windowS = s.load.windowSeconds;
    return {
      result: {
        load: s.load,
        latency: s.latency,
        firstByte: s.firstByte,
        latencyFromIntended: s.latencyFromIntended,
        confidence: s.confidence,
        streaming: s.streaming,
        quality: s.quality,
      },
      energyCounts: s.energyCounts,
      invalid,
      measure: {
        replay: {
          okQps: s.load.okQps,
          p99Ms: s.latency.p99Ms,
          timeoutS,
          qualityMean: q.mean,
          validatorQps: a.context.validatorQps,
          qualityBySynapse: s.qualityBySynapse,
        },
        tokens:
          s.streaming && windowS > 0
            ? {
                promptTokensPerS: s.streaming.promptTokensPerWindowS ?? null,
                outputTokensPerS: s.streaming.outputTokensPerWindowS,
                promptTokensPerStreamS: s.streaming.promptTokensPerS?.p50 ?? null,
                outputTokensPerStreamS: s.streaming.tokensPerS.p50,
              }
            : null,
      },
    };
  },
});
