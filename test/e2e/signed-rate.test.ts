// End to end on real Docker: `minerbench run template` at 1,000 signed queries/s, signed ahead of their send time by
// the signing workers; the template miner's own nonce checker (verify.py) accepts every request it answers: no 401.
// Timing is not asserted: whatever this machine's load, the run reports its own send lag and says when it was too late.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../harness/model/request-record.ts';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { ensureDockerEngine, minerbenchContainers } from '../support/docker-engine.ts';
import { runCli } from '../support/run-cli.ts';

let docker: Docker;
/** This test process's miner containers (other runs may share the engine). */
const ownContainers = async (d: Docker) =>
  (await minerbenchContainers(d)).filter((c) => c.Labels['minerbench.pid'] === String(process.pid));
const out = mkdtempSync(path.join(os.tmpdir(), 'minerbench-e2e-signed-'));

beforeAll(async () => {
  docker = await ensureDockerEngine();
}, 600_000);

function resultOf(stderr: string): { result: RunResult; records: RequestRecord[] } {
  const m = /^result: (.+)$/m.exec(stderr);
  if (!m) throw new Error(`no result path printed:\n${stderr}`);
  const result = JSON.parse(readFileSync(m[1]!, 'utf8')) as RunResult;
  const records = readFileSync(path.join(path.dirname(m[1]!), 'artifacts/records.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RequestRecord);
  return { result, records };
}

describe('signed load at rate against the template miner (real Docker)', () => {
  it('1,000 q/s for 5 s: every answer accepted by the miner nonce checker; the send lag reported, named when late', async () => {
    const r = await runCli([
      'run',
      'template',
      '--arrival',
      'constant',
      '--rate',
      '1000',
      '--duration',
      '5',
      '--warmup',
      '500',
      '--offline',
      '--tao-price',
      '400',
      '--out',
      out,
    ]);
    const { result, records } = resultOf(r.err);
    expect(result.load!.arrival).toMatchObject({ kind: 'constant', open: true, ratePerS: 1000 });
    // 500 warm-up queries and 5 s at 1,000 q/s: 5,500 scheduled (drops included, counted).
    expect(records).toHaveLength(5500);
    // Every request the miner answered passed its verify (nonce per hotkey:uuid, 16 s window, signature shape) and its
    // body-hash check: no 401 and no 500. A Python miner on a busy machine may fall behind (timeouts, drops): counted.
    const answered = records.filter((x) => x.httpStatus !== undefined);
    expect(answered.filter((x) => x.httpStatus !== 200).map((x) => `${x.httpStatus} ${x.error}`)).toEqual([]);
    expect(answered.length).toBeGreaterThan(0);
    expect(result.load!.topErrors.filter((e: { error: string }) => /nonce|signature|401|hash/i.test(e.error))).toEqual(
      [],
    );
    const ok = records.filter((x) => x.status === 'ok').length;
    const other = records.filter((x) => x.status !== 'ok').length;
    if (other) console.warn(`[signed e2e] ${ok} ok, ${other} not answered in time or dropped on this host`);
    // Every answer scored 1.0 (dummy_output = 2 x input): the signed bodies carried the captured inputs.
    expect(result.quality!.perfect).toBe(result.load!.ok);
    // What minerbench says about its own fidelity: the send lag is measured, and a late schedule is named.
    const lag = result.load!.sendLag!;
    const p99 = lag.p99Ms!;
    expect(p99).toBeGreaterThanOrEqual(lag.p50Ms!);
    if (p99 > 10) {
      expect(result.validity.verdict).toBe('INVALID');
      expect(result.validity.reasons.join('\n')).toContain(`send lag p99 ${p99} ms is above 10 ms`);
    }
    if (p99 > 2)
      console.warn(
        `[signed e2e] send lag p99 ${p99} ms > 2 ms on this host (event loop p99 ${result.load!.eventLoop?.p99Ms} ms)`,
      );
    expect(r.code).toBe(result.validity.verdict === 'VALID' ? 0 : 50);
    expect(await ownContainers(docker)).toEqual([]);
  }, 600_000);
});
