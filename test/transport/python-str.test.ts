// Tests of pythonStr and pythonJsonDumps against values printed by CPython 3.
import { describe, expect, it } from 'vitest';
import { PyFloat, pythonStr } from '../../harness/transport/python-str.ts';
import { pythonJsonDumps } from '../../harness/transport/python-json.ts';
import { pythonJsonLoads } from '../../harness/transport/python-json-loads.ts';

describe('pythonStr', () => {
  it.each([
    [['hello'], "['hello']"],
    [{ k: 1, b: true, n: null }, "{'k': 1, 'b': True, 'n': None}"],
    ["it's", "it's"],
    [["it's"], '["it\'s"]'],
    [['a"b\'c'], "['a\"b\\'c']"],
    [['tab\there\n'], "['tab\\there\\n']"],
    [[1.5, new PyFloat(2), 1e-7, new PyFloat(1e22)], '[1.5, 2.0, 1e-07, 1e+22]'],
    [[false, [], {}], '[False, [], {}]'],
    [['é\u0001'], "['é\\x01']"],
  ])('str(%j) = %s', (v, expected) => {
    expect(pythonStr(v)).toBe(expected);
  });
});

describe('pythonJsonDumps', () => {
  it('uses json.dumps separators, ensure_ascii and float repr', () => {
    expect(pythonJsonDumps({ a: [1, new PyFloat(12)], s: 'é"' })).toBe('{"a": [1, 12.0], "s": "\\u00e9\\""}');
    expect(pythonJsonDumps(1732000000123456789n)).toBe('1732000000123456789');
  });
});

describe('pythonStr of hash fields over lists, dicts, booleans and None (printed by CPython 3.11)', () => {
  it.each([
    [
      [
        { role: 'user', content: 'hi "there"', ok: true, x: null },
        [1, 2.5, new PyFloat(-0), new PyFloat(1e16), 123456789.125],
      ],
      `[{'role': 'user', 'content': 'hi "there"', 'ok': True, 'x': None}, [1, 2.5, -0.0, 1e+16, 123456789.125]]`,
    ],
    [
      { messages: ['😀 ü', '\u200b', 'a\\b'], n: { deep: [false, null] } },
      `{'messages': ['😀 ü', '\\u200b', 'a\\\\b'], 'n': {'deep': [False, None]}}`,
    ],
    [{ empty: '', q: "'", both: `'"` }, `{'empty': '', 'q': "'", 'both': '\\'"'}`],
  ])('str(%j)', (v, expected) => {
    expect(pythonStr(v)).toBe(expected);
  });
});

describe('pythonStr escapes what CPython 3.11 (Unicode 14.0) does not print', () => {
  it.each([
    ['e000', "'\\ue000'"], // private use (Co)
    ['0600', "'\\u0600'"], // ARABIC NUMBER SIGN (Cf)
    ['180e', "'\\u180e'"], // MONGOLIAN VOWEL SEPARATOR (Cf)
    ['fff9', "'\\ufff9'"], // INTERLINEAR ANNOTATION ANCHOR (Cf)
    ['0378', "'\\u0378'"], // unassigned (Cn)
    ['2028', "'\\u2028'"], // LINE SEPARATOR (Zl)
    ['3000', "'\\u3000'"], // IDEOGRAPHIC SPACE (Zs)
    ['a0', "'\\xa0'"], // NO-BREAK SPACE (Zs): below U+0100, so \x like CPython, not \u00a0
    ['ad', "'\\xad'"], // SOFT HYPHEN (Cf)
    ['85', "'\\x85'"], // NEXT LINE (Cc)
    ['e0001', "'\\U000e0001'"], // LANGUAGE TAG (Cf)
    ['10ffff', "'\\U0010ffff'"], // the last code point, a noncharacter (Cn)
    ['1fa75', "'\\U0001fa75'"], // LIGHT BLUE HEART: Unicode 15.0, unassigned for Python 3.11
    ['30000', "'\u{30000}'"], // CJK Extension G (Unicode 13.0): printable
    ['1f600', "'\u{1f600}'"], // 😀
    ['20', "' '"], // the one Zs character that is printable
  ])('repr(chr(0x%s)) = %s', (hex, expected) => {
    // Expectations printed by Debian's python3 3.11.2: python3 -c "print(str([chr(0xe000), chr(0x600), ...]))"
    expect(pythonStr([String.fromCodePoint(parseInt(hex, 16))])).toBe(`[${expected}]`);
  });
});

describe('pythonJsonLoads keeps what JSON.parse loses', () => {
  it('floats written as floats, dict order with integer-like keys, integers past 2^53', () => {
    const v = pythonJsonLoads(
      '{"b": [1, 2.5, -0.0, 1e16, 1.0], "2": {"z": 1, "10": null}, "big": 123456789012345678901}',
    );
    expect(pythonStr(v)).toBe(
      "{'b': [1, 2.5, -0.0, 1e+16, 1.0], '2': {'z': 1, '10': None}, 'big': 123456789012345678901}",
    );
    expect(pythonJsonDumps(v)).toBe(
      '{"b": [1, 2.5, -0.0, 1e+16, 1.0], "2": {"z": 1, "10": null}, "big": 123456789012345678901}',
    );
    expect(pythonStr(JSON.parse('{"b": 1, "2": 2}'))).toBe("{'2': 2, 'b': 1}"); // why the loader exists
  });
  it('refuses text that is not JSON', () => {
    expect(() => pythonJsonLoads('{"a": }')).toThrow('pythonJsonLoads: unexpected character at offset 6');
  });
});
