// SN27 NI Compute (proof-of-GPU): the GPU class is identified from measured fp16/fp32 TFLOPS and usable VRAM, then
// priced by gpu_scores (neuralinternet/compute-subnet@303b31e, 2025-02-26). See README.md.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';

export default defineSubnet({
  id: 'ni-compute',
  netuid: 27,
  title: 'NI Compute (proof-of-GPU: class from TFLOPS, then gpu_scores)',
  // Proof-of-GPU times fp16 and fp32 matmuls over SSH (neurons/Validator/miner_script_m_merkletree.py); the stress
  // workload measures the same two rates, sustained.
  workload: { kind: 'stress', seconds: 120, intervalS: 5, phases: ['fp16', 'fp32'] },
  law: {
    kind: 'hardware-rate',
    table: './tables/gpu-scores.json',
    assume: {
      // No source: each miner scores at most 1 (8 x H200); a wide guess of the others' total, supply --others-score S.
      othersScore: { value: 15, range: [2, 60] },
      where:
        "the other miners' scores are the validators' (set on chain as weights); read them from a live chain snapshot",
    },
  },
  eligibility: [
    { gate: 'min-gpus', min: 1 },
    {
      gate: 'gpu-model-in-table',
      paidOnly: true,
      blocking: false,
      note: 'the validator identifies the GPU from TFLOPS, the name only settles tolerance pairs; only H200, H100 and A100-SXM4-80GB score (config.yaml gpu_scores)',
    },
  ],
});
