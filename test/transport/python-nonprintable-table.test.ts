// Checks the generated table of characters CPython does not print against python3 itself, where python3 is here and
// has the table's Unicode version: the generator's output is the committed file, and repr() of every code point is
// what pythonStr writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PYTHON_UNICODE_VERSION } from '../../harness/transport/python-nonprintable-table.ts';
import { pythonStr } from '../../harness/transport/python-str.ts';

const root = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const TABLE = root('harness/transport/python-nonprintable-table.ts');
const GENERATOR = root('test/support/python-nonprintable-table.py');

/** Debian's python3 (the one the table was made with), else whichever python3 is on PATH. */
const PYTHON3 = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function python(args: string[]): string {
  const r = spawnSync(PYTHON3, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`python3 ${args[0]} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** Why the comparison with python3 cannot run here, or null when it can. */
function whyNot(): string | null {
  const r = spawnSync(PYTHON3, ['-c', 'import unicodedata; print(unicodedata.unidata_version)'], {
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) return 'python3 is not on PATH';
  const v = r.stdout.trim();
  return v === PYTHON_UNICODE_VERSION
    ? null
    : `python3 has Unicode ${v}, the table is from Unicode ${PYTHON_UNICODE_VERSION}`;
}
const skip = whyNot();
const title = (t: string) => (skip ? `${t} (skipped: ${skip})` : t);

describe.skipIf(skip !== null)('the table of characters CPython does not print, against python3', () => {
  it(title('the generator run again prints the committed file'), () => {
    expect(python([GENERATOR])).toBe(readFileSync(TABLE, 'utf8'));
  });

  it(title("pythonStr writes python3's repr() of every code point (the surrogates one by one)"), () => {
    // One string of all 1,112,064 scalar values; surrogates apart, since two in a row would pair up in JS.
    const all = python([
      '-c',
      'import sys; s = "".join(chr(c) for c in range(0x110000) if not 0xd800 <= c < 0xe000); ' +
        'sys.stdout.write(str([s]) + "\\n" + str([chr(c) for c in range(0xd800, 0xe000)]))',
    ]).split('\n');
    expect(all).toHaveLength(2);
    expect(all[0]!.length).toBeGreaterThan(1_112_064); // every scalar value, some escaped
    let s = '';
    for (let c = 0; c < 0x110000; c++) if (c < 0xd800 || c >= 0xe000) s += String.fromCodePoint(c);
    const surrogates: string[] = [];
    for (let c = 0xd800; c < 0xe000; c++) surrogates.push(String.fromCharCode(c));
    expect(pythonStr([s]) === all[0]).toBe(true); // toBe on 6 MB strings would print them whole on a failure
    expect(pythonStr(surrogates)).toBe(all[1]);
  });
});
