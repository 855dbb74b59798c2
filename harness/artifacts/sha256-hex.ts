// sha256Hex: the hex SHA-256 of a text or buffer (result files in the index, law tables, profiles, uploads).
import { createHash } from 'node:crypto';

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
