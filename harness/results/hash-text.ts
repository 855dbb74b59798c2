// sha256Hex: the content hash the index keeps of each result file (to tell a re-import from a conflicting copy).
import { createHash } from 'node:crypto';

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
