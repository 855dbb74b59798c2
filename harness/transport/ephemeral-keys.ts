// ephemeralKeys: fresh sr25519 keypairs for one run (the harness's dendrite and the miner's axon); no wallet is read.
import { Keyring } from '@polkadot/keyring';
import { decodePair } from '@polkadot/keyring/pair/decode';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { sr25519Sign, type Sr25519Keys } from './sr25519-sign.ts';

export interface Signer {
  address: string;
  /** Signs the UTF-8 message; returns 0x + 128 hex. */
  sign: (message: string) => string;
  /** The key itself, for signing workers (threads of this process); never written anywhere. */
  keys: Sr25519Keys;
}

function signerOf(pair: KeyringPair): Signer {
  const { publicKey, secretKey } = decodePair(undefined, pair.encodePkcs8(), 'none');
  const keys = { publicKey: publicKey.slice(), secretKey: secretKey.slice() };
  return { address: pair.address, keys, sign: (message) => sr25519Sign(keys, message) };
}

/** A signer from a secret URI (e.g. //Alice in tests); SS58 prefix 42 as on Bittensor. */
export async function signerFromUri(uri: string): Promise<Signer> {
  await cryptoWaitReady();
  return signerOf(new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(uri));
}

/** Two new random keys: the harness signs as `dendrite`; only the miner's address leaves the process. */
export async function ephemeralKeys(): Promise<{ dendrite: Signer; miner: Signer }> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const dendrite = signerOf(keyring.addFromMnemonic(mnemonicGenerate()));
  const miner = signerOf(keyring.addFromMnemonic(mnemonicGenerate()));
  return { dendrite, miner };
}
