// ephemeralKeys: fresh sr25519 keypairs for one run (the harness's dendrite and the miner's axon); no wallet is read.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

export interface Signer {
  address: string;
  sign: (message: string) => string;
}

function signerOf(pair: KeyringPair): Signer {
  return { address: pair.address, sign: (message) => u8aToHex(pair.sign(stringToU8a(message))) };
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
