// cachedClips with Debian's ffmpeg: a set is made once under its key and reused by the next run; a set that fails
// to make leaves nothing under its key.
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedClips, clipSetKey } from '../../harness/services/clip-cache.ts';
import { probeVideo } from '../../harness/services/video-quality.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'minerbench-clip-cache-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const SPECS = [
  { name: 'up.mp4', width: 64, height: 36, seconds: 0.5, fps: 12, scale: 2 },
  { name: 'cmp.mp4', width: 64, height: 36, seconds: 0.5, fps: 12 },
];

describe('cachedClips', () => {
  it('makes the set once, then serves it from the cache', async () => {
    const first = await cachedClips(SPECS, root);
    expect(first).toEqual({ dir: path.join(root, clipSetKey(SPECS)), cached: false, key: clipSetKey(SPECS) });
    // the upscaling clip is served at 64x36 and its reference kept at 2x: 128x72
    expect(await probeVideo(path.join(first.dir, 'up.mp4'))).toMatchObject({ width: 64, height: 36 });
    expect(await probeVideo(path.join(first.dir, 'references/up.mp4'))).toMatchObject({ width: 128, height: 72 });
    const made = statSync(path.join(first.dir, 'cmp.mp4')).mtimeMs;
    const again = await cachedClips(SPECS, root);
    expect(again).toEqual({ ...first, cached: true });
    expect(statSync(path.join(again.dir, 'cmp.mp4')).mtimeMs).toBe(made);
    // another set (one clip longer) is another folder
    expect(clipSetKey([{ ...SPECS[0]!, seconds: 1 }, SPECS[1]!])).not.toBe(first.key);
  }, 60_000);

  it('leaves nothing under the key when ffmpeg cannot make a clip', async () => {
    // ffmpeg knows no output format for this file name: it fails after the first clip of the set was made
    const bad = [SPECS[1]!, { name: 'bad.nosuchformat', width: 64, height: 36, seconds: 0.5, fps: 12 }];
    await expect(cachedClips(bad, root)).rejects.toMatchObject({ code: 'WORKLOAD_SERVICE_FAILED' });
    expect(existsSync(path.join(root, clipSetKey(bad)))).toBe(false);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
