// Tests the cell readers: nvidia-smi's "no value" markers are null, never 0.
import { describe, expect, it } from 'vitest';
import { isSmiMissing, smiBitmask, smiBool, smiNumber, smiText } from '../../harness/gpu/smi-value.ts';

describe('smi values', () => {
  it.each([
    'N/A',
    '[N/A]',
    '[Not Supported]',
    'Requested functionality has been deprecated',
    '[Requested functionality has been deprecated]',
    '[Function Not Found]',
    '[Unknown Error]',
    '',
    undefined,
  ])('%s is missing', (raw) => {
    expect(isSmiMissing(raw)).toBe(true);
    expect(smiNumber(raw)).toBeNull();
    expect(smiText(raw)).toBeNull();
  });

  it('reads numbers with and without units', () => {
    expect([
      smiNumber('631.95 W'),
      smiNumber('99 %'),
      smiNumber('81559 MiB'),
      smiNumber('29 C'),
      smiNumber('-8 C'),
      smiNumber('122.70'),
    ]).toEqual([631.95, 99, 81559, 29, -8, 122.7]);
    expect(smiNumber('P0')).toBeNull();
    expect(smiNumber('0 %')).toBe(0);
  });

  it('reads bitmasks and booleans', () => {
    expect(smiBitmask('0x0000000000000004')).toBe(4);
    expect(smiBitmask('[N/A]')).toBeNull();
    expect([smiBool('Enabled'), smiBool('Disabled'), smiBool('N/A'), smiBool('Active'), smiBool('Not Active')]).toEqual(
      [true, false, null, true, false],
    );
  });
});
