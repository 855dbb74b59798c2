// generateClips: test clips made with ffmpeg's testsrc2 pattern (never downloaded): a reference, and its downscaled input.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { MinerbenchError } from '../errors.ts';

export interface ClipSpec {
  /** File name served to the miner, e.g. 'sd2hd-1.mp4'. */
  name: string;
  /** The served clip's size (even numbers: yuv420p). */
  width: number;
  height: number;
  seconds: number;
  fps: number;
  /** Upscaling: the reference is made at width*scale x height*scale and the served clip scaled down from it. */
  scale?: number;
}

export interface MadeClip {
  name: string;
  /** The served clip. */
  path: string;
  bytes: number;
  /** The reference the output is compared with (the served clip itself when there is no scale). */
  referencePath: string;
  referenceBytes: number;
}

async function ffmpeg(args: string[], signal?: AbortSignal): Promise<void> {
  const r = await execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], {
    reject: false,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  if (r.exitCode !== 0)
    throw new MinerbenchError('WORKLOAD_SERVICE_FAILED', `ffmpeg could not make a test clip`, {
      hint: r.code === 'ENOENT' ? 'install ffmpeg (apt-get install ffmpeg)' : 'see the ffmpeg message',
      details: [String(r.stderr || r.message).slice(-500)],
    });
}

/** Makes every clip into `folder` (served clips) and `folder`/references (kept from the miner). */
export async function generateClips(
  specs: readonly ClipSpec[],
  folder: string,
  signal?: AbortSignal,
): Promise<MadeClip[]> {
  const refs = path.join(folder, 'references');
  await mkdir(refs, { recursive: true });
  const made: MadeClip[] = [];
  for (const s of specs) {
    const scale = s.scale ?? 1;
    const served = path.join(folder, s.name);
    const reference = scale === 1 ? served : path.join(refs, s.name);
    // A near-lossless H.264 reference, so compression has something to remove (the validator's clips are sources too).
    await ffmpeg(
      [
        '-f',
        'lavfi',
        '-i',
        `testsrc2=size=${s.width * scale}x${s.height * scale}:rate=${s.fps}:duration=${s.seconds}`,
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-crf',
        '12',
        '-pix_fmt',
        'yuv420p',
        reference,
      ],
      signal,
    );
    if (scale !== 1)
      await ffmpeg(
        [
          '-i',
          reference,
          '-vf',
          `scale=${s.width}:${s.height}:flags=area`,
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          '-crf',
          '12',
          '-pix_fmt',
          'yuv420p',
          served,
        ],
        signal,
      );
    made.push({
      name: s.name,
      path: served,
      bytes: (await stat(served)).size,
      referencePath: reference,
      referenceBytes: (await stat(reference)).size,
    });
  }
  return made;
}
