// Tests of readQueriesFile: good files load with their line numbers; every bad line is reported as file:line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MinerbenchError } from '../../harness/errors.ts';
import { readQueriesFile } from '../../harness/load/queries-file.ts';

function file(text: string | Buffer): string {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'mb-q-')), 'q.jsonl');
  writeFileSync(f, text);
  return f;
}

function error(f: string): MinerbenchError {
  try {
    readQueriesFile(f);
  } catch (e) {
    return e as MinerbenchError;
  }
  throw new Error('expected an error');
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

  describe('a file that is not UTF-8 is refused with file:line and the word encoding, never its raw bytes', () => {
    const good = '{"t": 0, "synapse": "Dummy", "body": {"dummy_input": 1}, "validator": "café"}\n';

    it('UTF-16 with a byte order mark', () => {
      const f = file(Buffer.from(`\ufeff${good}`, 'utf16le'));
      const e = error(f);
      expect(e.code).toBe('QUERIES_INVALID');
      expect(e.message).toMatch(/q\.jsonl: its encoding is not UTF-8$/);
      expect(e.details).toEqual([
        expect.stringMatching(
          /q\.jsonl:1: encoding: the file is UTF-16 LE \(it starts with the byte order mark 0xFF 0xFE\), not UTF-8$/,
        ),
      ]);
      expect(e.hint).toMatch(/^save it as UTF-8, e\.g\. iconv -f UTF-16 -t UTF-8 /);
      expect(`${e.message}${e.details.join('')}${e.hint}`).not.toContain('\u0000');
    });

    it('UTF-16 without a byte order mark (NUL bytes)', () => {
      const e = error(file(Buffer.from(good, 'utf16le')));
      // '{' is 0x7B 0x00 in UTF-16 LE: the first NUL is the 2nd byte of line 1
      expect(e.details).toEqual([
        expect.stringMatching(/q\.jsonl:1: encoding: NUL byte at column 2: the encoding looks like UTF-16 without/),
      ]);
      expect(e.details.join('')).not.toContain('\u0000');
    });

    it('Latin-1, on the line where it happens', () => {
      // line 2 holds 'café' in Latin-1: 'é' is the single byte 0xE9, which UTF-8 never has alone
      const latin1 = Buffer.concat([Buffer.from(good.replace('café', 'cafe')), Buffer.from(good, 'latin1')]);
      const e = error(file(latin1));
      const col = good.indexOf('é') + 1;
      expect(e.details).toEqual([
        expect.stringMatching(
          new RegExp(
            `q\\.jsonl:2: encoding: byte 0xE9 at column ${col} is not valid UTF-8 \\(Latin-1 or Windows-1252 text\\?\\)$`,
          ),
        ),
      ]);
      expect(e.hint).toMatch(/iconv -f LATIN1 -t UTF-8/);
    });

    it('UTF-8 (with or without its byte order mark) loads', () => {
      expect(readQueriesFile(file(`\ufeff${good}`))[0]!.validator).toBe('café');
      expect(readQueriesFile(file(good))[0]!.validator).toBe('café');
    });
  });
});
