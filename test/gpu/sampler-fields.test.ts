// Tests field choice from the real --help-query-gpu texts: instant power where the driver has it, else power.draw.
import { describe, expect, it } from 'vitest';
import { parseHelpQueryGpu } from '../../harness/gpu/parse-help-query-gpu.ts';
import { chooseSamplerFields } from '../../harness/gpu/sampler-fields.ts';
import { describeShared } from '../support/describe-shared.ts';
import { fixtureFiles, readFixture } from './fixture-paths.ts';

/** The --help-query-gpu section of a capture (between its '# $' line and the next section). */
function helpSection(capture: string): string {
  const text = readFixture(capture);
  const start = text.indexOf('# $ nvidia-smi --help-query-gpu');
  const end = text.indexOf('# $ nvidia-smi --help-query-compute-apps');
  return text.slice(start, end);
}

const CAPTURES = fixtureFiles('captures', '.txt');

describeShared('chooseSamplerFields on recorded help texts', () => {
  it.each(CAPTURES)('%s (59x-61x driver): power.draw.instant and clocks_event_reasons.active', (rel) => {
    const names = parseHelpQueryGpu(helpSection(rel));
    expect(names.has('power.draw.average')).toBe(true);
    expect(names.has('clocks_throttle_reasons.active')).toBe(true);
    expect(chooseSamplerFields(names)).toEqual({
      fields: [
        'timestamp',
        'uuid',
        'power.draw.instant',
        'utilization.gpu',
        'memory.used',
        'clocks.sm',
        'temperature.gpu',
        'pstate',
        'clocks_event_reasons.active',
        'enforced.power.limit',
      ],
      power: 'power.draw.instant',
      reasons: 'clocks_event_reasons.active',
    });
  });

  it('2022 driver help (netdata): only power.draw and the old throttle name', () => {
    const names = parseHelpQueryGpu(readFixture('csv/netdata_help-query-gpu_2022.txt'));
    expect(names.has('power.draw.instant')).toBe(false);
    const f = chooseSamplerFields(names);
    expect(f.power).toBe('power.draw');
    expect(f.reasons).toBe('clocks_throttle_reasons.active');
    expect(f.fields).toEqual([
      'timestamp',
      'uuid',
      'power.draw',
      'utilization.gpu',
      'memory.used',
      'clocks.sm',
      'temperature.gpu',
      'pstate',
      'clocks_throttle_reasons.active',
      'enforced.power.limit',
    ]);
  });
});

describe('chooseSamplerFields without fields', () => {
  it('a help text with no field lines gives no power field', () => {
    expect(
      parseHelpQueryGpu('NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.').size,
    ).toBe(0);
    expect(chooseSamplerFields(new Set()).power).toBeNull();
  });
});
