// Chain networks: the named Subtensor endpoints minerbench knows and the genesis hash each must answer with.
import { MinerbenchError } from '../errors.ts';

export interface ChainEndpoint {
  /** 'finney', 'test', 'archive', or 'custom' for a URL. */
  network: string;
  url: string;
  /** The genesis hash the endpoint must report; null when unknown (custom URL without --genesis). */
  genesisHash: string | null;
}

const FINNEY_GENESIS = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03';
const TESTNET_GENESIS = '0x8f9cf856bf558a14440e75569c9e58594757048d7b3a84b5d25f6bd978263105';

/** Endpoints from bittensor core/settings.py (see shared/docs/bittensor.md §4.1). */
export const CHAIN_NETWORKS: Readonly<Record<string, ChainEndpoint>> = {
  finney: { network: 'finney', url: 'wss://entrypoint-finney.opentensor.ai:443', genesisHash: FINNEY_GENESIS },
  archive: { network: 'archive', url: 'wss://archive.chain.opentensor.ai:443', genesisHash: FINNEY_GENESIS },
  test: { network: 'test', url: 'wss://test.finney.opentensor.ai:443', genesisHash: TESTNET_GENESIS },
};

export const DEFAULT_NETWORK = 'finney';

/** Resolves --network (a name or a ws:// / wss:// URL); expectGenesis overrides the check for any of them. */
export function resolveChainEndpoint(network: string = DEFAULT_NETWORK, expectGenesis?: string): ChainEndpoint {
  const known = CHAIN_NETWORKS[network];
  if (known) return expectGenesis ? { ...known, genesisHash: expectGenesis } : known;
  if (/^wss?:\/\/\S+$/.test(network)) return { network: 'custom', url: network, genesisHash: expectGenesis ?? null };
  throw new MinerbenchError('USAGE', `unknown --network '${network}'`, {
    hint: `use one of ${Object.keys(CHAIN_NETWORKS).join(', ')} or a ws:// or wss:// URL`,
  });
}
