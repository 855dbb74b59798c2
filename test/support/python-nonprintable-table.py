#!/usr/bin/env python3
# Prints harness/transport/python-nonprintable-table.ts: the code points this python3's str.isprintable() rejects
# (Unicode categories Cc Cf Cs Co Cn Zl Zp Zs, except the space), as ranges, for pythonStr's repr of strings.
# Run: python3 test/support/python-nonprintable-table.py > harness/transport/python-nonprintable-table.ts
# test/transport/python-nonprintable-table.test.ts runs it again and compares, where python3 has the same Unicode.
import sys
import unicodedata

ranges = []
for cp in range(0x110000):
    if chr(cp).isprintable():
        continue
    if ranges and ranges[-1][1] == cp - 1:
        ranges[-1][1] = cp
    else:
        ranges.append([cp, cp])

# Several ranges to a string, one string to a line, as Prettier prints an array of strings (printWidth 120).
items, line = [], ''
for a, b in ranges:
    r = f'{a:x}' if a == b else f'{a:x}-{b:x}'
    if line and len(line) + 1 + len(r) > 100:
        items.append(line)
        line = r
    else:
        line = f'{line} {r}' if line else r
items.append(line)

version = '%d.%d' % sys.version_info[:2]
out = sys.stdout
out.write('// The code points CPython %s (Unicode %s) does not print in repr(): str.isprintable() is False for\n'
          % (version, unicodedata.unidata_version))
out.write('// categories Cc Cf Cs Co Cn Zl Zp Zs except the space. Generated, do not edit: run\n')
out.write('// python3 test/support/python-nonprintable-table.py > harness/transport/python-nonprintable-table.ts\n')
out.write('\n')
out.write('export const PYTHON_UNICODE_VERSION = %r;\n' % unicodedata.unidata_version)
out.write('\n')
out.write('/** Inclusive ranges of code points in hex ("a0" or "7f-a0"), ascending, separated by spaces. */\n')
out.write('export const PYTHON_NONPRINTABLE_RANGES = [\n')
for item in items:
    out.write("  '%s',\n" % item)
out.write('];\n')
