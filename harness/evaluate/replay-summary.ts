// ReplaySummary: load, latency, streaming and quality of a replay from its records, one record at a time (streaming
// structures only: counters, HDR histograms, time slices), so a night-long run is evaluated in constant memory. Pure.
import type { ScoreInput } from '../config/subnet-profile.ts';
import type { CapturedQuery } from '../model/captured-query.ts';
import type { ReplayMeta } from '../model/run-context.ts';
import type { RequestRecord } from '../model/request-record.ts';
import type {
  HistogramBin,
  LatencyStats,
  QuantileInterval,
  StreamStats,
  ThroughputInterval,
} from '../model/result/latency-section.ts';
import type { LoadSummary } from '../model/result/load-section.ts';
import type { QualitySummary, ScorerError } from '../model/result/quality-section.ts';
import { quantileConfidenceAt } from './confidence-quantile.ts';
import { ThroughputBatches } from './confidence-throughput.ts';
import { LatencyRecorder } from './latency-recorder.ts';
import { QualityDetail } from './quality-detail.ts';

/** Distinct error messages kept apart; beyond this many, further new messages are counted together. */
const MAX_ERROR_KINDS = 1000;
const FIRST_SCORER_ERRORS = 5;

export interface Scorer {
  /** Named in messages: "subnets/template/profile.ts score()". */
  name: string;
  score: (input: ScoreInput) => number;
  /** The measures `inspect` may name, and whether each is a proxy (the profile's qualityMetrics). */
  metrics?: Readonly<Record<string, { title: string; proxy: boolean; note: string }>>;
}

export interface ReplaySummary {
  load: LoadSummary;
  latency: LatencyStats & { histogram: HistogramBin[] };
  firstByte: LatencyStats;
  latencyFromIntended: LatencyStats;
  confidence: { p99FromIntended: QuantileInterval; throughput: ThroughputInterval };
  streaming: StreamStats | null;
  quality: QualitySummary;
  /** Mean score per synapse replayed (one entry for a single-synapse replay). */
  qualityBySynapse: Record<string, number | null>;
  /** What the energy figures divide by. */
  energyCounts: { total: number; successful: number; qualitySum: number };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** What a scorer threw, in words, whatever it threw (an Error, a string, an object without a string form). */
function thrownText(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return typeof e === 'string' ? e : (JSON.stringify(e) ?? String(e));
  } catch {
    return Object.prototype.toString.call(e);
  }
}

export class ReplayAccumulator {
  private sent = 0;
  private warmup = 0;
  private measured = 0;
  private readonly byStatus = { ok: 0, error: 0, timeout: 0, dropped: 0, interrupted: 0 };
  private readonly errors = new Map<string, number>();
  private readonly latency = new LatencyRecorder();
  private readonly firstByte = new LatencyRecorder();
  private readonly fromIntended = new LatencyRecorder();
  private readonly sendLag = new LatencyRecorder();
  private late = 0;
  private readonly ttft = new LatencyRecorder();
  private readonly itl = new LatencyRecorder();
  private readonly tokensPerS = new LatencyRecorder();
  private tokensPerSSum = 0;
  private streamed = 0;
  private outputTokens = 0;
  private promptTokens: number | null = null;
  private readonly promptPerS = new LatencyRecorder();
  private readonly throughput: ThroughputBatches;
  private scored = 0;
  private qualitySum = 0;
  private perfect = 0;
  private zero = 0;
  private scorerErrors = 0;
  private readonly firstScorerErrors: ScorerError[] = [];
  private readonly detail = new QualityDetail();
  private lastAnswerMs: number;
  private silence: { ms: number; fromMs: number; toMs: number } | null = null;

  constructor(
    private readonly meta: ReplayMeta,
    private readonly scorer: Scorer,
    private readonly queryOf: (line: number) => CapturedQuery | undefined,
    private readonly lateMs = 10,
  ) {
    this.throughput = new ThroughputBatches(meta.measureStartMs, meta.endedMs);
    this.lastAnswerMs = meta.measureStartMs;
  }

  add(r: RequestRecord, response: Record<string, unknown> | null, inspected?: unknown): void {
    this.sent++;
    if (r.warmup) {
      this.warmup++;
      return;
    }
    this.measured++;
    this.byStatus[r.status]++;
    if (r.error && r.status !== 'interrupted') this.countError(r.error);
    if (r.status !== 'dropped') {
      const lag = Math.max(0, r.sentMs - r.intendedMs);
      this.sendLag.record(lag);
      if (lag > this.lateMs) this.late++;
    }
    if (r.status === 'ok' || r.status === 'error') this.answerAt(r.endMs);
    if (r.status === 'ok') {
      this.latency.record(r.endMs - r.sentMs);
      this.fromIntended.record(r.endMs - r.intendedMs);
      if (r.firstByteMs !== undefined) this.firstByte.record(r.firstByteMs - r.sentMs);
      this.throughput.add(r.endMs);
      this.outputTokens += r.outputTokens ?? 0;
      if (r.promptTokens !== undefined) this.promptTokens = (this.promptTokens ?? 0) + r.promptTokens;
      this.addStream(r);
    }
    if (r.status !== 'interrupted') this.addScore(r, r.status === 'ok' ? response : null, inspected);
  }

  private countError(message: string): void {
    const key = this.errors.has(message) || this.errors.size < MAX_ERROR_KINDS ? message : '(other error messages)';
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  /** Records are written as they complete, so their end times come in (nearly) increasing order. */
  private answerAt(endMs: number): void {
    const at = Math.max(this.lastAnswerMs, Math.min(endMs, this.meta.endedMs));
    const gap = at - this.lastAnswerMs;
    if (!this.silence || gap > this.silence.ms)
      this.silence = { ms: r3(gap), fromMs: r3(this.lastAnswerMs), toMs: r3(at) };
    this.lastAnswerMs = at;
  }

  private addStream(r: RequestRecord): void {
    const c = r.chunkMs;
    if (!c?.length) return;
    this.streamed++;
    this.ttft.record(c[0]! - r.sentMs);
    if (r.promptTokens !== undefined && c[0]! > r.sentMs)
      this.promptPerS.record(r.promptTokens / ((c[0]! - r.sentMs) / 1000));
    for (let k = 1; k < c.length; k++) this.itl.record(c[k]! - c[k - 1]!);
    const span = (c[c.length - 1]! - c[0]!) / 1000;
    if (c.length >= 2 && span > 0) {
      const tps = (r.outputTokens ?? c.length) / span;
      this.tokensPerS.record(tps);
      this.tokensPerSSum += tps;
    }
  }

  private addScore(r: RequestRecord, response: Record<string, unknown> | null, inspected: unknown): void {
    const query = this.queryOf(r.line);
    let s: unknown;
    let why: string | null = null;
    if (!query) why = `no query on line ${r.line} of the queries file`;
    else {
      try {
        const input: ScoreInput = { query, response, record: r };
        if (inspected !== undefined) input.inspected = inspected;
        s = this.scorer.score(input);
        if (typeof s !== 'number' || Number.isNaN(s))
          why = `returned ${typeof s === 'number' ? 'NaN' : (JSON.stringify(s) ?? String(s))}, not a number`;
        else if (s < 0 || s > 1) why = `returned ${s}, outside [0, 1]`;
      } catch (e) {
        why = `threw: ${thrownText(e)}`;
      }
    }
    if (why !== null) {
      this.scorerErrors++;
      if (this.firstScorerErrors.length < FIRST_SCORER_ERRORS)
        this.firstScorerErrors.push({ i: r.i, line: r.line, error: why });
      return;
    }
    const v = s as number;
    this.detail.add(query!.synapse, v, r, inspected);
    this.scored++;
    this.qualitySum += v;
    if (v === 1) this.perfect++;
    if (v === 0) this.zero++;
  }

  finish(concurrency: number, offeredQps: number | null): ReplaySummary {
    const m = this.meta;
    if (this.measured > 0) this.answerAt(m.endedMs); // the stretch after the last answer counts too
    const windowSeconds = Math.max(0, (m.endedMs - m.measureStartMs) / 1000);
    const counted = this.measured - this.byStatus.interrupted;
    const failed = this.byStatus.error + this.byStatus.timeout + this.byStatus.dropped;
    const lag = this.sendLag.stats();
    const load: LoadSummary = {
      model: m.arrival.kind,
      concurrency,
      sent: this.sent,
      warmup: this.warmup,
      measured: this.measured,
      ok: this.byStatus.ok,
      error: this.byStatus.error,
      timeout: this.byStatus.timeout,
      dropped: this.byStatus.dropped,
      interrupted: this.byStatus.interrupted,
      windowSeconds: r3(windowSeconds),
      achievedQps: windowSeconds > 0 ? r3(counted / windowSeconds) : 0,
      okQps: windowSeconds > 0 ? r3(this.byStatus.ok / windowSeconds) : 0,
      errorRate: counted > 0 ? r6(failed / counted) : 0,
      topErrors: [...this.errors.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([error, count]) => ({ error, count })),
      arrival: m.arrival,
      offeredQps,
      sendLag: { p50Ms: lag.p50Ms, p99Ms: lag.p99Ms, maxMs: lag.maxMs, late: this.late, lateMs: this.lateMs },
      eventLoop: m.eventLoop,
      longestSilence: this.measured > 0 ? this.silence : null,
      ...(m.sweep ? { sweep: m.sweep } : {}),
    };
    const tps = this.tokensPerS;
    const streaming: StreamStats | null = this.streamed
      ? {
          streamed: this.streamed,
          ttft: this.ttft.stats(),
          itl: this.itl.stats(),
          outputTokens: this.outputTokens,
          tokensPerS: {
            mean: tps.count ? r3(this.tokensPerSSum / tps.count) : null,
            p50: tps.count ? r3(tps.percentile(50)!) : null,
          },
          outputTokensPerWindowS: windowSeconds > 0 ? r3(this.outputTokens / windowSeconds) : null,
          ...(this.promptTokens !== null
            ? {
                promptTokens: this.promptTokens,
                promptTokensPerWindowS: windowSeconds > 0 ? r3(this.promptTokens / windowSeconds) : null,
                promptTokensPerS: { p50: this.promptPerS.count ? r3(this.promptPerS.percentile(50)!) : null },
              }
            : {}),
        }
      : null;
    const out: ReplaySummary = {
      load,
      latency: { ...this.latency.stats(), histogram: this.latency.bins() },
      firstByte: this.firstByte.stats(),
      latencyFromIntended: this.fromIntended.stats(),
      confidence: {
        p99FromIntended: quantileConfidenceAt(this.fromIntended.count, (r) => this.fromIntended.valueAtRank(r)),
        throughput: this.throughput.result(),
      },
      streaming,
      quality: {
        mean: this.scored ? r6(this.qualitySum / this.scored) : null,
        scored: this.scored,
        perfect: this.perfect,
        zero: this.zero,
        scorer: this.scorer.name,
        scorerErrors: { count: this.scorerErrors, first: this.firstScorerErrors },
        ...this.detail.finish(this.scorer.metrics),
      },
      qualityBySynapse: this.detail.means(),
      energyCounts: { total: counted, successful: this.byStatus.ok, qualitySum: this.qualitySum },
    };
    for (const r of [
      this.latency,
      this.firstByte,
      this.fromIntended,
      this.sendLag,
      this.ttft,
      this.itl,
      this.tokensPerS,
    ])
      r.destroy();
    return out;
  }
}
