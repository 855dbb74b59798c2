// What a replay adds around its queries, checked in VALIDATE: which path reaches the miner (and why, for the result),
// the services its profile asks for with clips sized by the flags, and options given where they do not apply.
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import { replayProfile } from '../../harness/config/replay-profile.ts';
import { replayAround } from '../../harness/workload/replay-services.ts';
import template from '../../subnets/template/profile.ts';
import vidaio from '../../subnets/vidaio/profile.ts';

const V = replayProfile(validateProfile('subnets/vidaio/profile.ts', vidaio), 'subnets/vidaio/profile.ts');
const T = replayProfile(validateProfile('subnets/template/profile.ts', template), 'subnets/template/profile.ts');
const DEFAULTS = { minerPath: null, clipDivisor: 1, clipSeconds: null };

describe('replayAround', () => {
  it("takes vidaio's preferred direct path and starts its clip server and sink", () => {
    const a = replayAround(V, 'subnets/vidaio/profile.ts', { ...DEFAULTS, clipDivisor: 8, clipSeconds: 2 }, {});
    expect(a.problems).toEqual([]);
    expect(a.path).toBe('direct');
    expect(a.measuredPath).toMatch(
      /^direct: the miner's own service \(POST \/upscale, POST \/compress\), chosen by the profile's direct\.preferred; vidaio's axon blacklist/,
    );
    expect(Object.keys(a.services)).toEqual(['clips', 'sink']);
    const clips = a.services.clips as {
      clips: Array<{ name: string; width: number; height: number; seconds: number }>;
    };
    // SD2HD 960x540 / 8 = 120x67.5 -> 120x68; 2 s
    expect(clips.clips[0]).toMatchObject({ name: 'sd2hd-1.mp4', width: 120, height: 68, seconds: 2, scale: 2 });
    expect(a.services.sink).toMatchObject({ kind: 's3-sink', bucket: 'vidaio' });
  });

  it('measures the axon when asked, and says the direct route exists', () => {
    const a = replayAround(V, 'p', { ...DEFAULTS, minerPath: 'axon' }, { minerPath: 'flag --miner-path' });
    expect(a.path).toBe('axon');
    expect(a.measuredPath).toMatch(
      /^axon: as validators reach it, chosen by flag --miner-path \(the direct route exists: /,
    );
  });

  it('names every option that does not apply to the template (no direct route, no clips, not a window workload)', () => {
    const a = replayAround(
      T,
      'subnets/template/profile.ts',
      { ...DEFAULTS, minerPath: 'direct', clipDivisor: 4 },
      {
        minerPath: 'flag --miner-path',
        clipDivisor: 'environment MINERBENCH_CLIP_DIVISOR=4',
        windows: 'flag --windows',
      },
    );
    expect(a.path).toBe('axon');
    expect(a.measuredPath).toBe('axon: as validators reach it');
    expect(a.services).toEqual({});
    expect(a.problems).toEqual([
      "--miner-path direct: subnets/template/profile.ts declares no direct block (routes to the miner's own service)",
      'flag --windows: only applies to window workloads (grail)',
      'environment MINERBENCH_CLIP_DIVISOR=4: only applies to subnets whose profile serves clips (vidaio)',
    ]);
  });

  it('refuses a window world in a replay profile', () => {
    const p = { ...T, workload: { kind: 'replay', services: { w: { kind: 'window-world', env: { url: 'U' } } } } };
    expect(replayAround(p, 'x.ts', DEFAULTS, {}).problems).toEqual([
      "x.ts: workload.services.w: a window world needs workload.kind 'window'",
    ]);
  });
});
