// Inference subnets (SN1-style OpenAI chat completions with streaming): how validators load a miner, and the score.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';
import { scoreAnswer } from './score-answer.ts';

export default defineSubnet({
  id: 'inference-openai',
  netuid: 1,
  title: 'Inference (OpenAI-compatible chat completions, streamed)',
  miner: {
    build: './miner',
    port: 8000,
    ready: { synapse: '/health', timeoutS: 60 },
    gpus: 0,
    memoryMb: 256,
    pidsLimit: 64,
    env: { MINER_TOKENS_PER_S: '200', MINER_TTFT_MS: '20' },
  },
  transport: { kind: 'openai-http' },
  queries: './queries/sample.jsonl',
  // SN1 prompting: NEURON_TIMEOUT 20 s per query; a miner sees a task about every 10 s loop from each validator.
  validator: { timeoutS: 20, queriesPerMinerPerMinute: 6 },
  // The answer's text against the reference answer captured with the query (failures and timeouts score 0).
  score: ({ query, response }) => (response ? scoreAnswer(response.text, query.reference) : 0),
});
