// The Bittensor subnet template (Dummy synapse): how its validator queries a miner and how it rewards the answer.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';

export default defineSubnet({
  id: 'template',
  netuid: 1,
  title: 'Bittensor subnet template (Dummy synapse)',
  miner: {
    build: './miner',
    process: { command: ['python3', 'miner.py'], cwd: './miner' },
    port: 8091,
    ready: { synapse: 'Synapse', timeoutS: 30 },
    gpus: 0,
    memoryMb: 256,
    pidsLimit: 64,
  },
  transport: {
    kind: 'bittensor-synapse',
    synapse: 'Dummy',
    fields: [
      { name: 'dummy_input', type: 'int', required: true },
      { name: 'dummy_output', type: 'int', default: null },
    ],
  },
  queries: './queries/sample.jsonl',
  // template/validator/forward.py: 50 miners a step, dendrite default timeout 12 s, a step >= 5 s.
  validator: { timeoutS: 12, queriesPerMinerPerMinute: 2.4 },
  // template/validator/reward.py: 1.0 if the answer is twice the input, else 0 (a timeout returns None: 0).
  score: ({ query, response }) => {
    const input = query.body.dummy_input;
    return typeof input === 'number' && response?.dummy_output === input * 2 ? 1 : 0;
  },
});
