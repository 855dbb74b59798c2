// SN51 Lium (GPU rental): no queries to replay; a sustained GPU load checks the machine, the hardware-rate law prices
// it from Lium's rate table (Datura-ai/lium-io@bc290ae, 2025-08-22). See README.md.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';

export default defineSubnet({
  id: 'lium',
  netuid: 51,
  title: 'Lium (GPU rental: rate per GPU model x count share)',
  // The validator's own GPU challenge is closed (libdmcompverify.so); a sustained matmul load stands in for the
  // stability and power side (neurons/validators/src/services/task_service.py runs 300 s jobs).
  workload: { kind: 'stress', seconds: 120, intervalS: 5, phases: ['fp16', 'fp32'] },
  law: {
    kind: 'hardware-rate',
    table: './tables/gpu-rates.json',
    assume: {
      // No source: the count of each model on the subnet is not on chain. A wide guess, supply --gpus-of-model N.
      othersOfClass: { value: 64, range: [0, 512] },
      // 0.5 (no collateral, no sysbox) .. 1.2 (sysbox, full uptime); 1 = deposited, past the uptime ramp, no sysbox.
      fieldFactor: { value: 1, range: [0.5, 1.2] },
      where: 'the live count of each GPU model on Lium is listed on its rental marketplace (lium.io), not on chain',
    },
  },
  eligibility: [
    { gate: 'min-gpus', min: 1, note: 'an executor rents out NVIDIA GPUs' },
    {
      gate: 'gpu-model-in-table',
      paidOnly: true,
      note: 'GPU_MODEL_RATES keys, exact nvidia-smi names (Datura-ai/lium-io@bc290ae:neurons/validators/src/services/const.py)',
    },
    {
      gate: 'idle-utilisation',
      fromTable: true,
      note: 'GPU_UTILIZATION_LIMIT / GPU_MEMORY_UTILIZATION_LIMIT (task_service.check_gpu_usage)',
    },
    {
      gate: 'driver',
      knownFromTable: true,
      blocking: false,
      note: "the validator fails drivers whose libnvidia-ml digest it does not know ('Nvidia driver is altered', task_service.py); the shipped list is dated",
    },
  ],
});
