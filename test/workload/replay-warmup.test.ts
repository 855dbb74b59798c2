// The replay workload's warm-up when --warmup is not given: 20 queries, or an open loop's first second of queries
// where that is more; an explicit --warmup always wins. Plans made from the template's real profile.
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import { resolveRunOptions } from '../../harness/run/run-option-table.ts';
import { replayWorkload } from '../../harness/workload/replay-workload.ts';
import template from '../../subnets/template/profile.ts';

const T = validateProfile('subnets/template/profile.ts', template);
const plan = async (flags: Record<string, unknown>) => {
  const { options, origin } = resolveRunOptions(flags, {});
  const p = await replayWorkload.plan({
    profile: T,
    profileFile: 'subnets/template/profile.ts',
    pluginDir: 'subnets/template',
    options,
    origin,
  });
  return { warmup: (p as unknown as { warmup: number }).warmup, description: p.description };
};

describe('replay warm-up default', () => {
  it('is 20 queries for the closed loop and for open loops slower than 20 q/s', async () => {
    expect((await plan({})).warmup).toBe(20);
    expect((await plan({ arrival: 'constant', ratePerS: 5, durationS: 10 })).warmup).toBe(20);
  });

  it("covers an open loop's first second: 1,000 queries at --rate 1000, 251 at a Poisson mean of 250.5", async () => {
    const c = await plan({ arrival: 'constant', ratePerS: 1000, durationS: 20 });
    expect(c.warmup).toBe(1000);
    expect(c.description).toContain('; 1000 warm-up + 20 s');
    expect((await plan({ arrival: 'poisson', ratePerS: 250.5, durationS: 20 })).warmup).toBe(251);
  });

  it('gives way to an explicit --warmup, 0 included', async () => {
    expect((await plan({ arrival: 'constant', ratePerS: 1000, durationS: 20, warmup: 0 })).warmup).toBe(0);
    expect((await plan({ arrival: 'constant', ratePerS: 1000, durationS: 20, warmup: 50 })).warmup).toBe(50);
    expect((await plan({ warmup: 3 })).warmup).toBe(3);
  });
});
