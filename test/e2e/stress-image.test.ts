// The stress workload's image on the real Docker engine, built on the offline base image (no torch, no numpy): the
// pure-Python CPU stand-in runs both phases, prints one JSON line per interval marked as a stand-in, and stops on
// SIGTERM with an end line; stressSummary reads its output. Nothing is left behind. Its containers carry their own
// label (minerbench.stress-test), not minerbench.run, which runs on the shared engine reap as orphans.
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stressMeasure, stressSummary } from '../../harness/evaluate/stress-summary.ts';
import { buildMinerImage } from '../../harness/runtime/docker-image.ts';
import { ensureDockerEngine } from '../support/docker-engine.ts';

const CONTEXT = path.resolve(import.meta.dirname, '../../harness/workload/stress/image');
const RUN = `stress-test-${process.pid}`;
let docker: Docker;
let tag: string;

beforeAll(async () => {
  docker = await ensureDockerEngine();
  tag = (
    await buildMinerImage(docker, {
      subnetId: 'stress-test',
      context: CONTEXT,
      buildArgs: { BASE_IMAGE: 'minerbench/python-base:bookworm' },
    })
  ).tag;
}, 600_000);

afterAll(async () => {
  const left = await docker.listContainers({ all: true, filters: { label: [`minerbench.stress-test=${RUN}`] } });
  for (const c of left) await docker.getContainer(c.Id).remove({ force: true });
  if (tag)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
  expect(left).toEqual([]);
});

/** Runs the image with `args`, optionally sending SIGTERM after `stopAfterMs`; stdout lines and the exit code. */
async function runStress(args: string[], stopAfterMs?: number): Promise<{ lines: string[]; code: number }> {
  const c = await docker.createContainer({
    Image: tag,
    Cmd: args,
    Labels: { 'minerbench.stress-test': RUN },
    HostConfig: {
      NetworkMode: 'none',
      Memory: 256 * 1024 * 1024,
      SecurityOpt: ['no-new-privileges'],
      CapDrop: ['ALL'],
    },
  });
  try {
    await c.start();
    if (stopAfterMs !== undefined) {
      await new Promise((r) => setTimeout(r, stopAfterMs));
      await c.kill({ signal: 'SIGTERM' });
    }
    const { StatusCode } = (await c.wait()) as { StatusCode: number };
    const raw = (await c.logs({ stdout: true, stderr: false, follow: false })) as Buffer;
    // Docker multiplexes the log stream in frames: an 8-byte header (stream, 0, 0, 0, size BE32) then the payload.
    let out = '';
    for (let at = 0; at + 8 <= raw.length;) {
      const size = raw.readUInt32BE(at + 4);
      out += raw.subarray(at + 8, at + 8 + size).toString('utf8');
      at += 8 + size;
    }
    return { lines: out.split('\n').filter((l) => l.trim()), code: StatusCode };
  } finally {
    await c.remove({ force: true });
  }
}

describe('stress image (offline base image: the CPU stand-in)', () => {
  it('runs fp16 then fp32 for the set time and prints a stand-in line per interval', async () => {
    const { lines, code } = await runStress(['--seconds', '4', '--interval', '0.5']);
    expect(code).toBe(0);
    const parsed = lines.map(
      (l) => JSON.parse(l) as { kind: string; standIn?: string; phase?: string; dtype?: string },
    );
    expect(parsed[0]).toMatchObject({
      kind: 'start',
      device: 'cpu',
      standIn: 'cpu stand-in (pure Python)',
      phases: ['fp16', 'fp32'],
    });
    const intervals = parsed.filter((p) => p.kind === 'interval');
    expect(intervals.every((p) => p.standIn === 'cpu stand-in (pure Python)' && p.dtype === 'fp64')).toBe(true);
    expect(new Set(intervals.map((p) => p.phase))).toEqual(new Set(['fp16', 'fp32']));
    expect(parsed.at(-1)).toMatchObject({ kind: 'end', stopped: false, intervals: intervals.length });
    const s = stressSummary(lines);
    expect(s.ran).toBe('cpu stand-in (pure Python)');
    expect(s.phases.map((p) => p.phase)).toEqual(['fp16', 'fp32']);
    for (const p of s.phases) expect(p.sustainedTflops).toBeGreaterThan(0);
    // A stand-in's TFLOPS never reach a law.
    expect(stressMeasure(s).stress.fp16Tflops).toBeNull();
  });

  it('stops on SIGTERM with an end line that says so', async () => {
    const { lines, code } = await runStress(['--seconds', '120', '--interval', '0.5'], 2500);
    expect(code).toBe(0);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ kind: 'end', stopped: true });
  });

  it('refuses --device cuda without a GPU with one error line and exit code 1', async () => {
    const { lines, code } = await runStress(['--device', 'cuda', '--seconds', '1']);
    expect(code).toBe(1);
    expect(lines).toEqual(['{"kind":"error","v":1,"message":"RuntimeError: --device cuda: torch is not installed"}']);
  });
});
