// Tests that result loading refuses unknown schema versions, truncated files and hand-edited fields, naming each problem.
import { describe, expect, it } from 'vitest';
import { parseResult } from '../../harness/results/read-result.ts';
import { readGolden } from '../fixtures/results/synthetic-results.ts';

const good = JSON.stringify(readGolden('cpu'));

function errorOf(text: string) {
  try {
    parseResult(text, 'x.json');
  } catch (e) {
    return e as { code: string; message: string; details: string[] };
  }
  throw new Error('expected a failure');
}

describe('parseResult', () => {
  it('reads the golden result', () => {
    expect(parseResult(good, 'x.json').runId).toBe(readGolden('cpu').runId);
  });

  it('refuses an unknown schema version', () => {
    const e = errorOf(good.replace('"schemaVersion":2', '"schemaVersion":99'));
    expect(e.code).toBe('RESULT_SCHEMA_UNKNOWN');
    expect(e.message).toContain('schemaVersion 99');
  });

  it('says how to read a result of schema 1 (minerbench 0.1)', () => {
    const e = errorOf(good.replace('"schemaVersion":2', '"schemaVersion":1'));
    expect(e.code).toBe('RESULT_SCHEMA_UNKNOWN');
    expect((e as unknown as { hint: string }).hint).toMatch(/schema 1 \(minerbench 0.1\)/);
  });

  it('refuses a truncated file', () => {
    const e = errorOf(good.slice(0, good.length / 2));
    expect(e.code).toBe('RESULT_INVALID');
    expect(e.message).toContain('not valid JSON');
  });

  it('lists every hand-edited field at once, and refuses a run id that is a path', () => {
    const r = readGolden('cpu') as unknown as Record<string, Record<string, unknown>>;
    (r as Record<string, unknown>)['runId'] = '../../etc';
    r['load']!['okQps'] = 'fast';
    delete r['validity']!['verdict'];
    const e = errorOf(JSON.stringify(r));
    expect(e.code).toBe('RESULT_INVALID');
    expect(e.details).toEqual([
      'x.json: runId: a run id of letters, digits, . _ - (got "../../etc")',
      'x.json: load.okQps: Invalid input: expected number, received string (got "fast")',
      'x.json: validity.verdict: Invalid option: expected one of "VALID"|"INVALID"',
    ]);
  });
});
