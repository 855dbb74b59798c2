// Tests of cpuSplit: small machines share every core; larger ones keep an eighth (at least one core) for the harness.
import { describe, expect, it } from 'vitest';
import { cpuSplit, pinHarness } from '../../harness/run/cpu-split.ts';

describe('cpuSplit', () => {
  it.each([
    [2, undefined, undefined],
    [3, undefined, undefined],
    [4, '0', '1-3'],
    [16, '0-1', '2-15'],
    [64, '0-7', '8-63'],
  ])('%i cores: harness %s, miners %s', (cores, harness, miners) => {
    expect(cpuSplit(cores)).toEqual({ harness, miners });
  });

  it('does not pin on a machine too small to split, and says why', async () => {
    expect(await pinHarness(cpuSplit(2))).toBe('fewer than 4 cores: harness and miners share every core');
  });
});
