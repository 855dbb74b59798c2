// jsonlLines: the lines of a JSON-lines file, read in chunks (constant memory whatever the file's size), UTF-8 safe.
import { closeSync, openSync, readSync } from 'node:fs';

/** Yields each non-empty line with its 1-based line number; a multi-byte character split across chunks stays whole. */
export function* jsonlLines(file: string, chunkBytes = 1 << 20): Generator<{ line: number; text: string }> {
  const fd = openSync(file, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buf = Buffer.alloc(chunkBytes);
  let rest = '';
  let line = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      const text = rest + decoder.decode(buf.subarray(0, n), { stream: n > 0 });
      const parts = text.split('\n');
      rest = n > 0 ? parts.pop()! : '';
      for (const p of parts) {
        line++;
        if (p.trim()) yield { line, text: p };
      }
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
