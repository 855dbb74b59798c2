// synapseClassFor / synapseNames: a transport with several synapse classes (vidaio's upscaling and compression).
import { describe, expect, it } from 'vitest';
import type { BittensorSynapseTransport } from '../../harness/config/subnet-profile.ts';
import { synapseClassFor, synapseNames } from '../../harness/transport/synapse-class.ts';
import { transportRoutes } from '../../harness/transport/transport-registry.ts';

const CONFIG: BittensorSynapseTransport = {
  kind: 'bittensor-synapse',
  synapse: 'VideoUpscalingProtocol',
  fields: [{ name: 'round_id', type: 'str', default: null }],
  synapses: [{ synapse: 'VideoCompressionProtocol', fields: [{ name: 'job', type: 'str' }], hashFields: ['job'] }],
};

describe('synapse classes of one transport', () => {
  it('lists the primary class first, then the others; the registry routes them all', () => {
    expect(synapseNames(CONFIG)).toEqual(['VideoUpscalingProtocol', 'VideoCompressionProtocol']);
    expect(transportRoutes(CONFIG)).toEqual(['VideoUpscalingProtocol', 'VideoCompressionProtocol']);
  });

  it('finds a class by name with its own fields and hash fields, and a bare class for the ping', () => {
    expect(synapseClassFor(CONFIG, 'VideoCompressionProtocol').hashFields).toEqual(['job']);
    expect(synapseClassFor(CONFIG, 'VideoUpscalingProtocol').fields.map((f) => f.name)).toEqual(['round_id']);
    expect(synapseClassFor(CONFIG, 'Synapse')).toEqual({ synapse: 'Synapse', fields: [] });
  });
});
