// bodyHash: the synapse body hash bittensor computes over required_hash_fields (sha3-256 of Python str()).
import { createHash } from 'node:crypto';
import { pythonStr } from './python-str.ts';

export function sha3Hex(text: string): string {
  return createHash('sha3-256').update(text, 'utf8').digest('hex');
}

/** sha3_256(''.join(sha3_256(str(body[f])) for f in fields)); with no fields it is sha3_256(''). */
export function bodyHash(body: Record<string, unknown>, hashFields: readonly string[]): string {
  return sha3Hex(hashFields.map((f) => sha3Hex(pythonStr(body[f]))).join(''));
}
