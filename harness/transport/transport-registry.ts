// transportRegistry: transport kinds by name; a profile's transport.kind picks one, unknown kinds list the known.
import type { TransportConfig } from '../config/subnet-profile.ts';
import { MinerbenchError } from '../errors.ts';
import { BittensorSynapseSender } from './bittensor-synapse.ts';
import type { Signer } from './ephemeral-keys.ts';
import type { Transport } from './transport.ts';

export interface TransportContext {
  signer: Signer;
}

type Factory = (config: TransportConfig, ctx: TransportContext) => Transport;

const factories = new Map<string, Factory>();

export function registerTransport(kind: string, factory: Factory): void {
  factories.set(kind, factory);
}

export function knownTransports(): string[] {
  return [...factories.keys()].sort();
}

export function createTransport(config: TransportConfig, ctx: TransportContext): Transport {
  const f = factories.get(config.kind);
  if (!f) {
    throw new MinerbenchError('CONFIG_INVALID', `unknown transport kind '${config.kind}'`, {
      hint: `use one of: ${knownTransports().join(', ')}`,
    });
  }
  return f(config, ctx);
}

registerTransport('bittensor-synapse', (config, ctx) => new BittensorSynapseSender({ config, signer: ctx.signer }));
