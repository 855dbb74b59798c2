// The laws' flags: each declared once (one flag, one declaration, even when two laws share it), and out-of-range law
// inputs (negative counts, utilisation above 1, a percentile above 100) refused with the flag and the bad value.
import { describe, expect, it } from 'vitest';
import { resolveOptions, type OptionSpec } from '../../../harness/config/option-spec.ts';
import { lawTableOption } from '../../../harness/config/law-table-option.ts';
import { INCENTIVE_LAWS } from '../../../harness/evaluate/incentive/incentive-laws.ts';
import { hardwareRateOptions } from '../../../harness/evaluate/incentive/hardware-rate-config.ts';
import { computeUnitsOptions } from '../../../harness/evaluate/incentive/compute-units-config.ts';
import { qualityShareOptions } from '../../../harness/evaluate/incentive/quality-share.ts';

describe('law options', () => {
  it('every flag has one declaration across all laws and --law-table', () => {
    const byFlag = new Map<string, Set<OptionSpec>>();
    for (const spec of [lawTableOption, ...INCENTIVE_LAWS.flatMap((l) => l.options)])
      byFlag.set(spec.flag, (byFlag.get(spec.flag) ?? new Set()).add(spec));
    const twice = [...byFlag].filter(([, specs]) => specs.size > 1).map(([flag]) => flag);
    expect(twice).toEqual([]);
    // rank-shares reuses quality-share's --field-quality declaration.
    expect(INCENTIVE_LAWS.filter((l) => l.options.some((o) => o.flag === 'field-quality')).map((l) => l.kind)).toEqual([
      'quality-share',
      'rank-shares',
    ]);
  });

  it('refuses negative counts, utilisation above 1 and a percentile above 100, naming the flag', () => {
    expect(resolveOptions(hardwareRateOptions, { gpusOfModel: -3, sysbox: 'maybe' }, {}).problems).toEqual([
      'flag --gpus-of-model: a count of GPUs (>= 0) (got -3)',
      'flag --sysbox: Invalid option: expected one of "yes"|"no" (got "maybe")',
    ]);
    expect(resolveOptions(computeUnitsOptions, { utilisation: 1.5 }, {}).problems).toEqual([
      'flag --utilisation: a fraction 0..1 (utilisation above 1 is not possible) (got 1.5)',
    ]);
    expect(resolveOptions(qualityShareOptions, { fieldQuality: '150' }, {}).problems).toEqual([
      'flag --field-quality: a percentile is 0..100 (got "150")',
    ]);
  });
});
