// The window workload's VALIDATE step on grail's real profile: the world's clock from --block-speed, the services to
// start, what is said before anything starts, and every misuse refused at once.
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import type { SubnetProfile } from '../../harness/config/subnet-profile.ts';
import { windowWorkload } from '../../harness/workload/window-workload.ts';
import grail from '../../subnets/grail/profile.ts';

const G = validateProfile('subnets/grail/profile.ts', grail);
const plan = (options: Record<string, unknown>, origin: Record<string, string> = {}, profile: SubnetProfile = G) =>
  windowWorkload.plan({
    profile,
    profileFile: 'subnets/grail/profile.ts',
    pluginDir: 'subnets/grail',
    options,
    origin,
  });

describe('window workload plan (grail)', () => {
  it('runs at the chain pace by default: 3 windows of 30 blocks x 12 s, a world and a sink', async () => {
    const p = await plan({ windows: 3, blockSpeed: null });
    expect(p.description).toBe('3 full windows of 30 blocks x 12 s, rollouts counted from the uploads');
    expect(p.warnings).toEqual([]);
    expect(p.signs).toBe(false);
    expect(p.miner?.miner.build).toBe('./miner');
    expect(p.readyProbe).toBeUndefined();
    expect(p.services).toEqual({
      world: {
        kind: 'window-world',
        env: { url: 'GRAIL_WORLD_URL' },
        windowBlocks: 30,
        beaconPeriodS: 3,
        clock: { blockSeconds: 12, speed: 1, startBlock: 6_000_015, seed: 'minerbench:grail' },
      },
      sink: {
        kind: 's3-sink',
        bucket: 'grail',
        env: {
          endpoint: 'GRAIL_S3_ENDPOINT_URL',
          bucket: 'GRAIL_S3_BUCKET',
          accessKeyId: 'GRAIL_S3_ACCESS_KEY_ID',
          secretAccessKey: 'GRAIL_S3_SECRET_ACCESS_KEY',
        },
      },
    });
  });

  it('speeds the clock up with --block-speed and says the run is a plumbing check', async () => {
    const p = await plan({ windows: 2, blockSpeed: 120 });
    // 30 x 12 s / 120 = 3 s per window
    expect(p.description).toBe(
      '2 full windows of 30 blocks x 12 s at 120x (3.0 s each), rollouts counted from the uploads',
    );
    expect(p.warnings).toEqual([
      '--block-speed 120: a 30-block window lasts 3.0 s instead of 360 s; the run checks the plumbing and is marked INVALID as a measurement',
    ]);
    expect((p.services!.world as { clock: { speed: number } }).clock.speed).toBe(120);
  });

  it('refuses replay flags, all at once', async () => {
    await expect(
      plan(
        { windows: 3, blockSpeed: null },
        { minerPath: 'flag --miner-path', queries: 'flag --queries', clipDivisor: 'default' },
      ),
    ).rejects.toMatchObject({
      code: 'USAGE',
      details: [
        'flag --miner-path: does not apply to a window workload (it counts windows: --windows N)',
        'flag --queries: does not apply to a window workload (it counts windows: --windows N)',
      ],
    });
  });

  it('names what is wrong with a window block: a second sink, no parser', async () => {
    const w = G.workload as { kind: string; services: Record<string, unknown> };
    const bad = { ...G, workload: { ...w, units: undefined, services: { ...w.services, sink2: w.services.sink } } };
    await expect(plan({ windows: 3, blockSpeed: null }, {}, bad)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: [
        expect.stringMatching(/^subnets\/grail\/profile\.ts: workload: units: a function \(key, text\)/),
        expect.stringMatching(
          /^subnets\/grail\/profile\.ts: workload: services: exactly one \{ kind: 's3-sink' \} \(where the miner uploads its window files\)/,
        ),
      ],
    });
  });
});
