// nightOf: a night runs noon to noon (local time) and is named by its evening's date.
import { describe, expect, it } from 'vitest';
import { nightOf } from '../../harness/fleet/night-id.ts';

describe('nightOf', () => {
  it('names the evening: 23:00 and 03:00 the next morning are the same night; noon starts the next', () => {
    expect(nightOf(new Date(2026, 10, 20, 23, 0))).toBe('2026-11-20');
    expect(nightOf(new Date(2026, 10, 21, 3, 0))).toBe('2026-11-20');
    expect(nightOf(new Date(2026, 10, 21, 11, 59))).toBe('2026-11-20');
    expect(nightOf(new Date(2026, 10, 21, 12, 0))).toBe('2026-11-21');
    expect(nightOf(new Date(2027, 0, 1, 2, 0))).toBe('2026-12-31');
  });
});
