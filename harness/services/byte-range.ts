// parseByteRange: one HTTP Range header (`bytes=a-b`, `bytes=a-`, `bytes=-n`) against a file size (pure).

/** [start, end] inclusive; null when absent or not of that form (serve the whole file); 'unsatisfiable' for 416. */
export function parseByteRange(header: string | undefined, size: number): [number, number] | null | 'unsatisfiable' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start >= size || start > end ? 'unsatisfiable' : [start, end];
}
