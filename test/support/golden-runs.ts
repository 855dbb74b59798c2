// Golden runs: result.json files made by the real evaluation (evaluateArtifacts) from recorded inputs: a real template
// run's artifacts (test/fixtures/runs/template-cpu, recorded here with `minerbench run template --queries 120 --offline`),
// the recorded H100 power trace in ../shared/fixtures, and the chain snapshot that run used. Never assembled by hand.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubnetProfile } from '../../harness/config/subnet-profile.ts';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import { toGpuSample } from '../../harness/gpu/gpu-sample.ts';
import { parseQueryGpuCsv, parseSmiTimestampMs } from '../../harness/gpu/query-gpu-csv.ts';
import { seededRandom } from '../../harness/load/seeded-random.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';
import type { RunContext } from '../../harness/model/run-context.ts';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { evaluateArtifacts } from '../../harness/run/evaluate-artifacts.ts';
import { evaluationHooks } from '../../harness/run/evaluation-hooks.ts';
import { readRunArtifacts } from '../../harness/run/run-artifacts.ts';
import template from '../../subnets/template/profile.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
export const RECORDED_RUN = path.join(repo, 'test/fixtures/runs/template-cpu');
const SHARED = path.resolve(repo, '../shared/fixtures');
export const H100_TRACE = path.join(
  SHARED,
  'gpu/power-traces/powertrace-sim_h100_qwen3-8b_vllm-sharegpt-4rps_power.csv',
);
/** The GPU goldens need the recorded H100 trace from ../shared/fixtures (every developer machine and CI have it). */
export const HAVE_H100_TRACE = existsSync(H100_TRACE);
const UUID = 'GPU-171e341c-4c74-fca8-094f-1cbff4dbdd21';

export const TEMPLATE: SubnetProfile = validateProfile('subnets/template/profile.ts', template);

let tmpRoot: string | undefined;
function tmpDir(name: string): string {
  tmpRoot ??= mkdtempSync(path.join(os.tmpdir(), 'minerbench-golden-'));
  const d = path.join(tmpRoot, 'runs', name);
  mkdirSync(path.join(d, 'artifacts'), { recursive: true });
  return d;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
const writeJsonl = (file: string, rows: readonly unknown[]) =>
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

export function evaluateDir(dir: string, profile: SubnetProfile = TEMPLATE): RunResult {
  return evaluateArtifacts(readRunArtifacts(dir), profile, evaluationHooks(profile));
}

/** The real template run as it was recorded (CPU only, no GPU). */
export function goldenCpu(): RunResult {
  return evaluateDir(RECORDED_RUN);
}

interface Recorded {
  context: RunContext;
  records: RequestRecord[];
  responses: Array<{ i: number; r: Record<string, unknown> | null }>;
}

let recordedCache: Recorded | undefined;
function recorded(): Recorded {
  if (recordedCache) return structuredClone(recordedCache);
  const a = path.join(RECORDED_RUN, 'artifacts');
  recordedCache = {
    context: JSON.parse(readFileSync(path.join(a, 'context.json'), 'utf8')) as RunContext,
    records: readJsonl<RequestRecord>(path.join(a, 'records.jsonl')),
    responses: readJsonl(path.join(a, 'responses.jsonl')),
  };
  return structuredClone(recordedCache);
}

function writeRun(dir: string, context: RunContext, records: RequestRecord[], responses: unknown[]): void {
  const a = path.join(dir, 'artifacts');
  cpSync(path.join(RECORDED_RUN, 'artifacts/queries.jsonl'), path.join(a, 'queries.jsonl'));
  cpSync(path.join(RECORDED_RUN, 'artifacts/chain-snapshot.json'), path.join(a, 'chain-snapshot.json'));
  writeFileSync(path.join(a, 'context.json'), JSON.stringify(context, null, 2));
  writeJsonl(path.join(a, 'records.jsonl'), records);
  writeJsonl(path.join(a, 'responses.jsonl'), responses);
}

let traceCache: { fields: { fields: string[] }; samples: ReturnType<typeof toGpuSample>[] } | undefined;
/** The recorded H100 trace through the sampler's own parser, on the trace's clock (ms from its first reading). */
function h100Samples() {
  if (traceCache) return traceCache;
  const csv = parseQueryGpuCsv(readFileSync(H100_TRACE, 'utf8'));
  const t0 = parseSmiTimestampMs(csv.rows[0]!['timestamp']!)!;
  const fields = { fields: csv.columns.map((c) => c.field), power: 'power.draw' as const, reasons: null };
  traceCache = {
    fields,
    samples: csv.rows.map((r) => toGpuSample(r, fields, parseSmiTimestampMs(r['timestamp']!)! - t0)),
  };
  return traceCache;
}

export interface GpuRunOptions {
  runId?: string;
  hostname?: string;
  gpuUuid?: string;
  subnet?: { id: string; netuid: number; title: string };
  startedAt?: string;
  /** Multiplies every latency. */
  latencyScale?: number;
  /** Multiplies the recorded power. */
  power?: number;
  /** Share of answers made wrong (the template's score gives them 0). */
  wrong?: number;
  seed?: number;
}

/**
 * The recorded template run's latencies and answers replayed at the pace of the recorded H100 trace (4 queries/s over
 * the trace's load window) with the trace as the run's GPU samples: the evaluation of a GPU run, end to end, from
 * recorded inputs. Idle baseline 0-12 s, warm-up 14-20 s, measured load 20-64 s on the trace's own clock.
 */
export function gpuRunDir(o: GpuRunOptions = {}): string {
  const rec = recorded();
  const rnd = seededRandom(o.seed ?? 1);
  const runId = o.runId ?? '20261120-021500-template-h100';
  const dir = tmpDir(runId);
  const ok = rec.records.filter((r) => r.status === 'ok' && !r.warmup);
  const byI = new Map(rec.responses.map((x) => [x.i, x.r]));
  const warm = { startMs: 14_000, endMs: 20_000 };
  const load = { startMs: 20_000, endMs: 64_000 };
  const records: RequestRecord[] = [];
  const responses: unknown[] = [];
  const scale = o.latencyScale ?? 1;
  // A faster machine answers sooner and is sent more (4 queries/s at the recorded speed), as a loaded miner would be.
  const gapMs = 250 * (o.latencyScale ?? 1);
  for (let i = 0, t = warm.startMs; t < load.endMs - 3_000; i++, t += gapMs) {
    const src = ok[Math.floor(rnd() * ok.length)]!;
    const lat = (src.endMs - src.sentMs) * scale;
    records.push({
      ...src,
      i,
      warmup: t < load.startMs,
      intendedMs: t,
      sentMs: t,
      firstByteMs: t + lat * 0.8,
      endMs: t + lat,
    });
    const resp = byI.get(src.i) ?? null;
    const wrong = rnd() < (o.wrong ?? 0);
    responses.push({ i, r: wrong && resp ? { ...resp, dummy_output: -1 } : resp });
  }
  const power = o.power ?? 1;
  const { fields, samples: recordedSamples } = h100Samples();
  const samples = recordedSamples.map((s) => ({
    ...s,
    powerW: s.powerW === null ? null : Math.round(s.powerW * power * 1000) / 1000,
  }));
  const uuid = o.gpuUuid ?? UUID;
  const artifact = {
    kind: 'gpu-samples',
    version: 1,
    periodMs: 250,
    fields: fields.fields,
    powerField: 'power.draw',
    reasonsField: null,
    startedMs: 0,
    stoppedMs: samples[samples.length - 1]!.t,
    gpus: { [uuid]: { reading: 'instant', samples } },
    gaps: [],
    restarts: 0,
    errors: [],
    unparsedLines: 0,
  };
  const c = rec.context;
  const measured = records.filter((r) => !r.warmup);
  const context: RunContext = {
    ...c,
    runId,
    ...(o.subnet ? { subnet: o.subnet } : {}),
    startedAt: o.startedAt ?? '2026-11-20T02:15:00.000Z',
    endedAt: new Date(Date.parse(o.startedAt ?? '2026-11-20T02:15:00.000Z') + 66_000).toISOString(),
    environment: {
      ...c.environment,
      host: {
        ...c.environment.host,
        hostname: o.hostname ?? 'gpu-07',
        cpuModel: 'AMD EPYC 9354 32-Core Processor',
        cpuCores: 64,
        memoryGb: 503.6,
      },
      gpus: {
        available: true,
        driver: '570.133.20',
        cuda: '12.8',
        devices: [{ index: 0, uuid, name: 'NVIDIA H100 80GB HBM3', powerLimitW: 700, assigned: true }],
        assignedDeviceIds: [uuid],
      },
    },
    options: { ...c.options, idleS: 12, samplePeriodMs: 250 },
    phases: { idle: { startMs: 0, endMs: 12_000 }, warmup: warm, measure: load },
    replay: {
      ...c.replay!,
      startedMs: warm.startMs,
      measureStartMs: load.startMs,
      endedMs: load.endMs,
      records: records.length,
      eventLoop: c.replay!.eventLoop,
    },
    warnings: [],
  };
  writeRun(dir, context, records, responses);
  writeFileSync(path.join(dir, 'artifacts/gpu-samples.json'), JSON.stringify(artifact));
  void measured;
  return dir;
}

export function goldenGpu(o: GpuRunOptions = {}): RunResult {
  return evaluateDir(gpuRunDir(o));
}

/** The recorded CPU run under another run id, machine, subnet or time (evaluated again, not edited). */
export function cpuRunDir(
  o: Pick<GpuRunOptions, 'runId' | 'hostname' | 'subnet' | 'startedAt'> & { runId: string },
): string {
  const rec = recorded();
  const dir = tmpDir(o.runId);
  const c = rec.context;
  const context: RunContext = {
    ...c,
    runId: o.runId,
    ...(o.subnet ? { subnet: o.subnet } : {}),
    ...(o.startedAt
      ? { startedAt: o.startedAt, endedAt: new Date(Date.parse(o.startedAt) + 9_000).toISOString() }
      : {}),
    environment: {
      ...c.environment,
      host: { ...c.environment.host, hostname: o.hostname ?? c.environment.host.hostname },
    },
  };
  writeRun(dir, context, rec.records, rec.responses);
  return dir;
}

/** A run whose subnet title, miner errors, host name and warnings carry script and HTML payloads (evaluated for real). */
export function goldenHostile(): RunResult {
  const rec = recorded();
  const dir = tmpDir('20261121-030000-template-evil');
  const records = rec.records.map((r, k) =>
    r.warmup || k % 4 !== 0
      ? r
      : {
          ...r,
          status: k % 8 === 0 ? ('timeout' as const) : ('error' as const),
          error:
            k % 8 === 0 ? 'timeout <b>bold</b> \u2028 line\u2029sep' : '</script><script>window.__pwned=3</script>',
        },
  );
  const c = rec.context;
  const context: RunContext = {
    ...c,
    runId: '20261121-030000-template-evil',
    subnet: { ...c.subnet, title: '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">' },
    environment: { ...c.environment, host: { ...c.environment.host, hostname: '<svg onload="window.__pwned=5">' } },
    warnings: ['<a href="javascript:window.__pwned=4">click</a>'],
    validityNotes: ['miner said: <iframe src="https://example.com"></iframe>'],
  };
  writeRun(dir, context, records, rec.responses);
  return evaluateDir(dir);
}
