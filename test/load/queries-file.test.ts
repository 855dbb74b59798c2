// Tests of readQueriesFile: good files load with their line numbers; every bad line is reported as file:line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MinerbenchError } from '../../harness/errors.ts';
import { readQueriesFile } from '../../harness/load/queries-file.ts';

function file(text: string): string {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'mb-q-')), 'q.jsonl');
  writeFileSync(f, text);
  return f;
}

function problems(f: string, opts = {}): string[] {
  try {
    readQueriesFile(f, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(MinerbenchError);
    expect((e as MinerbenchError).code).toBe('QUERIES_INVALID');
    return (e as MinerbenchError).details;
  }
  throw new Error('expected a QUERIES_INVALID error');
}

describe('readQueriesFile', () => {
  it('loads the template sample: 720 queries, Dummy, monotonic t, line numbers from 1', () => {
    const q = readQueriesFile(path.resolve('subnets/template/queries/sample.jsonl'), {
      allowedSynapses: ['Dummy'],
      monotonic: true,
    });
    expect(q).toHaveLength(720);
    expect(q[0]).toMatchObject({ synapse: 'Dummy', line: 1, timeout: 12 });
    expect(q.every((x, k) => k === 0 || x.t >= q[k - 1]!.t)).toBe(true);
  });

  it('skips blank lines and keeps the validator hotkey when captured', () => {
    const q = readQueriesFile(file('\n{"t":0,"synapse":"Dummy","body":{"dummy_input":1},"validator":"5F"}\n\n'));
    const source = '{"t":0,"synapse":"Dummy","body":{"dummy_input":1},"validator":"5F"}';
    expect(q).toEqual([{ t: 0, synapse: 'Dummy', body: { dummy_input: 1 }, validator: '5F', line: 2, source }]);
  });

  it('names file:line and the reason for every bad line at once', () => {
    const f = file(
      [
        '{"t":0,"synapse":"Dummy","body":{}}',
        '{"t":1,',
        '{"t":2,"synapse":"Dummy"}',
        '{"t":3,"synapse":"X","body":{}}',
        '{"t":4,"synapse":"Dummy","body":{},"extra":1}',
      ].join('\n'),
    );
    const p = problems(f, { allowedSynapses: ['Dummy'] });
    expect(p).toHaveLength(4);
    expect(p[0]).toMatch(/q\.jsonl:2: not valid JSON/);
    expect(p[1]).toMatch(/q\.jsonl:3: body: /);
    expect(p[2]).toMatch(/q\.jsonl:4: synapse 'X' is not one/);
    expect(p[3]).toMatch(/q\.jsonl:5: .*extra/);
  });

  it('refuses time going backwards when the spacing matters', () => {
    const p = problems(file('{"t":5,"synapse":"D","body":{}}\n{"t":4,"synapse":"D","body":{}}\n'), { monotonic: true });
    expect(p).toEqual([expect.stringMatching(/q\.jsonl:2: t=4 goes back in time \(previous t=5\)/)]);
  });

  it('refuses an empty file and a missing file', () => {
    expect(() => readQueriesFile(file('\n\n'))).toThrow(/holds no queries/);
    expect(() => readQueriesFile('/nonexistent/q.jsonl')).toThrow(/cannot read queries file .*ENOENT/);
  });
});
