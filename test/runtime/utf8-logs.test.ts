// Miner and runner output is decoded as one UTF-8 stream: a character cut between two reads or two Docker log frames
// comes out whole (each chunk decoded alone gave U+FFFD).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { MinerProfile } from '../../harness/config/subnet-profile.ts';
import { lineStream } from '../../harness/fleet/follow-runner.ts';
import { followBuildProgress } from '../../harness/runtime/docker-image.ts';
import { demuxDockerLog } from '../../harness/runtime/docker-logs.ts';
import { ProcessRuntime } from '../../harness/runtime/process.ts';

const TEXT = 'price: 5 €\n'; // € is E2 82 AC
const BYTES = Buffer.from(TEXT);
const CUT = BYTES.indexOf(0xe2) + 1; // after the first byte of €

/** One frame of Docker's multiplexed log stream: [stream, 0, 0, 0, size (u32 BE)] + payload (Docker Engine API). */
function frame(stream: 1 | 2, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(payload.length, 4);
  return Buffer.concat([head, payload]);
}

describe('UTF-8 across reads', () => {
  it('demuxDockerLog: a character cut between two stdout frames, with a stderr frame between them', () => {
    const log = Buffer.concat([
      frame(1, BYTES.subarray(0, CUT)),
      frame(2, Buffer.from('warn ü\n')),
      frame(1, BYTES.subarray(CUT)),
    ]);
    expect(demuxDockerLog(log)).toBe('price: 5 warn ü\n€\n');
  });

  it('the fleet runner line reader: a character cut between two chunks', () => {
    const lines: string[] = [];
    const s = lineStream((l) => lines.push(l));
    s.write(BYTES.subarray(0, CUT));
    s.write(BYTES.subarray(CUT));
    expect(lines).toEqual(['price: 5 €']);
  });

  it('the process runtime log: a miner that flushes half a character, waits, then the rest', async () => {
    // The miner is node itself: no other program needed.
    const script =
      `const b = Buffer.from(${JSON.stringify(TEXT)}); process.stdout.write(b.subarray(0, ${CUT}));` +
      `setTimeout(() => process.stdout.write(b.subarray(${CUT})), 200);`;
    const profile = {
      id: 'utf8-log',
      miner: { process: { command: [process.execPath, '-e', script] }, ready: { synapse: 'x' } },
    } as unknown as MinerProfile;
    const rt = new ProcessRuntime({
      runId: `utf8-log-${process.pid}`,
      profile,
      pluginDir: mkdtempSync(path.join(tmpdir(), 'mb-utf8-')),
      minerHotkey: 'x',
      readyProbe: async () => false,
      now: () => Date.now(),
      env: process.env,
    });
    await rt.start();
    expect((await rt.exited()).exitCode).toBe(0);
    try {
      expect(await rt.logs()).toBe(TEXT);
    } finally {
      await rt.stop();
    }
  });
});

describe('UTF-8 across reads: the image build log', () => {
  it("followBuildProgress: a character cut between two chunks of the engine's JSON stream", async () => {
    // The engine's build stream is JSON lines with raw UTF-8 (Go's encoding/json); docker-modem parses it as it comes.
    const json = Buffer.from(`${JSON.stringify({ stream: TEXT })}\n`);
    const cut = json.indexOf(0xe2) + 1;
    const stream = new PassThrough();
    const events = followBuildProgress(new Docker({ socketPath: '/nonexistent' }).modem, stream, () => {});
    stream.write(json.subarray(0, cut));
    await new Promise((r) => setTimeout(r, 10));
    stream.end(json.subarray(cut));
    expect(await events).toEqual([{ stream: TEXT }]);
  });
});
