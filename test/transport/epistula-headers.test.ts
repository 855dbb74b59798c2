// Tests of the Epistula v2 headers: the exact signed messages (SN1's Python formatting) and real sr25519 signatures.
import { signatureVerify } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { signerFromUri } from '../../harness/transport/ephemeral-keys.ts';
import { epistulaHeaders } from '../../harness/transport/epistula-headers.ts';

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

describe('epistulaHeaders', () => {
  it('signs sha256(body).uuid.timestamp.signed_for and the three time windows as Python prints them', async () => {
    const alice = await signerFromUri('//Alice');
    const signed: string[] = [];
    const sign = (m: string) => {
      signed.push(m);
      return alice.sign(m);
    };
    const body = '{"model": "m", "messages": []}';
    const h = epistulaHeaders({
      body,
      timestampMs: 1732000001234,
      uuid: '2f1c0e0a-0000-4000-8000-000000000001',
      signedBy: alice.address,
      signedFor: BOB,
      sign,
      timeoutS: 20,
    });
    expect(h.map(([k]) => k)).toEqual([
      'Epistula-Version',
      'Epistula-Timestamp',
      'Epistula-Uuid',
      'Epistula-Signed-By',
      'Epistula-Request-Signature',
      'Epistula-Signed-For',
      'Epistula-Secret-Signature-0',
      'Epistula-Secret-Signature-1',
      'Epistula-Secret-Signature-2',
      'X-Client-Timeout',
    ]);
    expect(signed).toEqual([
      // sha256 of the body bytes (hashlib.sha256(b'{"model": "m", "messages": []}').hexdigest())
      `415397cbcc853572f4346b30c38904c310453a12c48688bfa639c329e92256ef.2f1c0e0a-0000-4000-8000-000000000001.1732000001234.${BOB}`,
      `1732000009999.0.${BOB}`,
      `1732000010000.0.${BOB}`,
      `1732000010001.0.${BOB}`,
    ]);
    const get = (k: string) => h.find(([n]) => n === k)![1];
    expect(get('Epistula-Timestamp')).toBe('1732000001234');
    expect(get('X-Client-Timeout')).toBe('20');
    expect(signatureVerify(signed[0]!, get('Epistula-Request-Signature'), alice.address).isValid).toBe(true);
    expect(signatureVerify(signed[2]!, get('Epistula-Secret-Signature-1'), alice.address).isValid).toBe(true);
  });
});
