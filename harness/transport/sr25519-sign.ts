// sr25519Sign: schnorrkel's sr25519 signature (substrate context) of a UTF-8 message, as bittensor_wallet signs it.
// @polkadot-labs/schnorrkel-wasm (the Rust schnorrkel crate in WASM) measured ~85 us a signature here, against ~130 us
// for @polkadot/wasm-crypto and ~1,000 us for @scure/sr25519, which @polkadot/util-crypto 14 uses
// (benchmarks/harness/signed-cost.bench.ts); the signatures verify with @polkadot/util-crypto's signatureVerify.
import { sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';

export interface Sr25519Keys {
  /** 32 bytes. */
  publicKey: Uint8Array;
  /** 64 bytes: the scalar and the nonce seed, as @polkadot/util-crypto's sr25519PairFromSeed gives them. */
  secretKey: Uint8Array;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 0x + 128 lowercase hex. sr25519 signatures are randomised: the same message signs differently each time. */
export function sr25519Sign(keys: Sr25519Keys, message: string): string {
  const sig = sr25519_sign(keys.publicKey, keys.secretKey, encoder.encode(message));
  let out = '0x';
  for (let i = 0; i < sig.length; i++) out += HEX[sig[i]!];
  return out;
}
