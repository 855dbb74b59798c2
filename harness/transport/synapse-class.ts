// synapseClassFor / synapseNames: which synapse class of a bittensor transport a query names (pure).
import type { BittensorSynapseTransport, SynapseClass } from '../config/subnet-profile.ts';

/** Every synapse class the transport declares: its primary one first, then `synapses` in order. */
export function synapseClasses(config: BittensorSynapseTransport): SynapseClass[] {
  const { synapse, fields, hashFields, stream } = config;
  const primary: SynapseClass = {
    synapse,
    fields,
    ...(hashFields ? { hashFields } : {}),
    ...(stream ? { stream } : {}),
  };
  return [primary].concat(config.synapses ?? []);
}

/** The route names queries may use with this transport. */
export function synapseNames(config: BittensorSynapseTransport): string[] {
  return synapseClasses(config).map((c) => c.synapse);
}

/** The declared class of that name, or a bare one with no fields (the ready check pings the base `Synapse`). */
export function synapseClassFor(config: BittensorSynapseTransport, name: string): SynapseClass {
  return synapseClasses(config).find((c) => c.synapse === name) ?? { synapse: name, fields: [] };
}
