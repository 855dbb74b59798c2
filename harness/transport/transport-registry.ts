// transportRegistry: transport kinds by name; a profile's transport.kind picks one, unknown kinds list the known.
import type { BittensorSynapseTransport, OpenAiHttpTransport, TransportConfig } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import { BittensorSynapseSender } from './bittensor-synapse.ts';
import type { Signer } from './ephemeral-keys.ts';
import { EpistulaSender } from './epistula.ts';
import { OPENAI_PATHS, OpenAiHttpSender } from './openai-http.ts';
import { synapseNames } from './synapse-class.ts';
import type { Transport } from './transport.ts';

export interface TransportContext {
  signer: Signer;
}

interface Registration {
  create: (config: TransportConfig, ctx: TransportContext) => Transport;
  /** The synapse names or paths a queries file may use with this config. */
  routes: (config: TransportConfig) => string[];
}

const kinds = new Map<string, Registration>();

export function registerTransport(kind: string, registration: Registration): void {
  kinds.set(kind, registration);
}

export function knownTransports(): string[] {
  return [...kinds.keys()].sort();
}

function registration(kind: string): Registration {
  const r = kinds.get(kind);
  if (!r) {
    throw new MinerbenchError('CONFIG_INVALID', `unknown transport kind '${kind}'`, {
      hint: `use one of: ${knownTransports().join(', ')}`,
    });
  }
  return r;
}

export function createTransport(config: TransportConfig, ctx: TransportContext): Transport {
  return registration(config.kind).create(config, ctx);
}

/** Synapse names (bittensor) or HTTP paths the transport sends; queries naming anything else are refused. */
export function transportRoutes(config: TransportConfig): string[] {
  return registration(config.kind).routes(config);
}

const synapse = (c: TransportConfig) => c as BittensorSynapseTransport;
const httpConfig = (c: TransportConfig) => c as OpenAiHttpTransport;

registerTransport('bittensor-synapse', {
  create: (config, ctx) => new BittensorSynapseSender({ config: synapse(config), signer: ctx.signer }),
  routes: (config) => synapseNames(synapse(config)),
});
registerTransport('openai-http', {
  create: (config) => new OpenAiHttpSender({ config: httpConfig(config) }),
  routes: (config) => httpConfig(config).paths ?? OPENAI_PATHS,
});
registerTransport('epistula', {
  create: (config, ctx) => new EpistulaSender({ config: httpConfig(config), signer: ctx.signer }),
  routes: (config) => httpConfig(config).paths ?? OPENAI_PATHS,
});
