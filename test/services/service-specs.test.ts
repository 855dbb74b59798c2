// Service blocks of a profile and the clips COLLECT makes from them: sizes shrunk by --clip-divisor to even numbers,
// lengths from --clip-seconds, bad blocks named field by field.
import { describe, expect, it } from 'vitest';
import { scaleClips, servicesBlockSchema } from '../../harness/services/service-specs.ts';
import { vidaioClips } from '../../subnets/vidaio/clips.ts';

describe('scaleClips', () => {
  it('shrinks each side by the divisor to the nearest even size and sets the length', () => {
    const clips = scaleClips(
      [
        { name: 'a.mp4', width: 1920, height: 1080, seconds: 5, fps: 24 },
        { name: 'b.mp4', width: 3840, height: 2160, seconds: 5, fps: 24, scale: 2 },
      ],
      8,
      2,
    );
    // 1920/8 = 240, 1080/8 = 135 -> 136 (even, yuv420p); 3840/8 = 480, 2160/8 = 270
    expect(clips).toEqual([
      { name: 'a.mp4', width: 240, height: 136, seconds: 2, fps: 24 },
      { name: 'b.mp4', width: 480, height: 270, seconds: 2, fps: 24, scale: 2 },
    ]);
  });

  it('keeps the sizes and lengths at divisor 1 without a length', () => {
    const real = vidaioClips();
    expect(scaleClips(real, 1, null)).toEqual(real);
    // vidaio: 4 upscaling tasks + 4 codecs + 4 clips the stand-in answers badly on purpose
    expect(real).toHaveLength(12);
    expect(real.find((c) => c.name === '4k28k-1.mp4')).toMatchObject({ width: 3840, height: 2160, scale: 2 });
  });
});

describe('servicesBlockSchema', () => {
  it('takes vidaio-like and grail-like blocks', () => {
    const ok = servicesBlockSchema.safeParse({
      clips: { kind: 'clip-server', clips: [{ name: 'x.mp4', width: 64, height: 36, seconds: 1, fps: 12 }] },
      sink: {
        kind: 's3-sink',
        bucket: 'vidaio',
        env: { endpoint: 'E', bucket: 'B', accessKeyId: 'K', secretAccessKey: 'S', region: 'R' },
      },
      world: { kind: 'window-world', env: { url: 'WORLD_URL' } },
    });
    expect(ok.success).toBe(true);
  });

  it('names every bad field: an odd width, a bucket name S3 refuses, a lowercase variable, an unknown kind', () => {
    const r = servicesBlockSchema.safeParse({
      clips: { kind: 'clip-server', clips: [{ name: 'x.mp4', width: 65, height: 36, seconds: 1, fps: 12 }] },
      sink: {
        kind: 's3-sink',
        bucket: 'Bad_Bucket',
        env: { endpoint: 'endpoint', bucket: 'B', accessKeyId: 'K', secretAccessKey: 'S' },
      },
      other: { kind: 'ftp' },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['clips.clips.0.width', 'other.kind', 'sink.bucket', 'sink.env.endpoint']);
  });
});
