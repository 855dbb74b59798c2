// SN64 Chutes (served inference): an OpenAI-compatible server loaded with chat traffic measures prompt and output
// tokens/s; the compute-units law prices them with the platform's GPU multipliers (chutesai/chutes-api@d390a53,
// 2025-10-04). Chutes pays only confidential-compute (Intel TDX) nodes. See README.md.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';

export default defineSubnet({
  id: 'chutes',
  netuid: 64,
  title: 'Chutes (served inference: compute units x GPU multiplier, TEE nodes only)',
  workload: { kind: 'replay' },
  // The offline echo server of the inference-openai plugin stands in for the chute's vLLM/SGLang image; point
  // miner.image at a real one (e.g. a chutes/sglang image with weights baked in) to measure a real model.
  miner: {
    build: '../inference-openai/miner',
    // Without Docker (--runtime process): the same echo server as a local process (python3 with python3-aiohttp).
    process: { command: ['python3', 'server.py'], cwd: '../inference-openai/miner' },
    port: 8000,
    ready: { synapse: '/health', timeoutS: 60 },
    gpus: 1,
    memoryMb: 256,
    pidsLimit: 64,
    env: { MINER_TOKENS_PER_S: '200', MINER_TTFT_MS: '20' },
  },
  transport: { kind: 'openai-http' },
  queries: '../inference-openai/queries/sample.jsonl',
  // Not Chutes rules: its traffic is organic (routed by the platform), so these only set the replay's deadline and
  // the rate a capacity check compares with; the tokens/s measured under load are what the law prices.
  validator: { timeoutS: 120, queriesPerMinerPerMinute: 60 },
  // An invocation counts when it completes without an error (metasync/constants.py: error_message IS NULL).
  score: ({ response }) => (response ? 1 : 0),
  law: {
    kind: 'compute-units',
    table: './tables/gpu-multipliers.json',
    assume: {
      // No source for any of these: wide guesses, each with the flag that replaces it.
      networkComputeUnitsPerDay: { value: 1e9, range: [1e8, 1e10] },
      utilisation: { value: 0.5, range: [0.1, 0.9] },
      networkSpeedRatio: { value: 1, range: [0.5, 2] },
      otherFeaturesRatio: { value: 1, range: [0, 2] },
      where:
        'the network totals are in the platform database (metasync), not on chain; Chutes publishes usage at chutes.ai',
    },
  },
  eligibility: [
    { gate: 'min-gpus', min: 1 },
    {
      gate: 'gpu-model-in-table',
      note: 'SUPPORTED_GPUS model_name_check patterns (chutesai/chutes-api@d390a53:api/gpu.py)',
    },
    {
      gate: 'confidential-compute',
      cpu: ['tdx'],
      gpu: true,
      note: 'Chutes only pays TEE nodes: GPU workers run inside Intel TDX confidential VMs with confidential-compute GPUs; GraVal verification is no longer supported (chutesai/chutes-miner@e32943e README)',
    },
  ],
});
