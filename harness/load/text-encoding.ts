// decodeUtf8Lines: a text file's bytes as UTF-8 lines, or the lines (file:line) where its encoding is not UTF-8.

export interface EncodingProblem {
  /** 1-based line number. */
  line: number;
  /** What is wrong, without the offending bytes themselves (they may be NULs or controls). */
  reason: string;
}

const fatal = new TextDecoder('utf-8', { fatal: true });

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Byte order marks of encodings that are not UTF-8 (longest first: UTF-32 LE starts like UTF-16 LE). */
const FOREIGN_BOMS: Array<[number[], string]> = [
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 LE'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 BE'],
  [[0xff, 0xfe], 'UTF-16 LE'],
  [[0xfe, 0xff], 'UTF-16 BE'],
];

/** The lines as text, or every line whose bytes are not UTF-8 (a UTF-16 file is refused as a whole, on line 1). */
export function decodeUtf8Lines(buf: Buffer): { lines: string[] } | { problems: EncodingProblem[] } {
  for (const [bom, name] of FOREIGN_BOMS) {
    if (buf.length >= bom.length && bom.every((b, k) => buf[k] === b)) {
      const mark = bom.map(hex).join(' ');
      return {
        problems: [{ line: 1, reason: `the file is ${name} (it starts with the byte order mark ${mark}), not UTF-8` }],
      };
    }
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    // Text with NULs is UTF-16 (or UTF-32) without a mark, or binary: refused as a whole, where the first NUL is.
    let line = 1;
    for (let k = buf.indexOf(0x0a); k >= 0 && k < nul; k = buf.indexOf(0x0a, k + 1)) line++;
    const col = nul - (buf.lastIndexOf(0x0a, nul) + 1) + 1;
    return {
      problems: [
        {
          line,
          reason: `NUL byte at column ${col}: the encoding looks like UTF-16 without a byte order mark, not UTF-8`,
        },
      ],
    };
  }
  const lines: string[] = [];
  const problems: EncodingProblem[] = [];
  let start = 0;
  for (let n = 1; start <= buf.length; n++) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    const bytes = buf.subarray(start, end);
    try {
      lines.push(fatal.decode(bytes));
    } catch {
      const at = firstInvalidUtf8(bytes);
      problems.push({
        line: n,
        reason: `byte ${hex(bytes[at]!)} at column ${at + 1} is not valid UTF-8 (Latin-1 or Windows-1252 text?)`,
      });
    }
    start = end + 1;
  }
  return problems.length ? { problems } : { lines };
}

/** Index of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!len || i + len > b.length) return i;
    try {
      fatal.decode(b.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return 0;
}
