// Tests of pythonStr and pythonJsonDumps against values printed by CPython 3.
import { describe, expect, it } from 'vitest';
import { PyFloat, pythonStr } from '../../harness/transport/python-str.ts';
import { pythonJsonDumps } from '../../harness/transport/python-json.ts';

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
