// MachineFacts: what eligibility gates look at on this machine (GPUs from nvidia-smi, CPU confidential-compute flags,
// encoders), read once before a run by harness/gpu/machine-facts-probe.ts and kept in the run's artifacts.
import { z } from 'zod';

export const machineGpuSchema = z.strictObject({
  index: z.number().int(),
  uuid: z.string().nullable(),
  /** Exact product name as nvidia-smi prints it, e.g. "NVIDIA H100 80GB HBM3" (rate tables key on it). */
  name: z.string().nullable(),
  memoryTotalMiB: z.number().nullable(),
  /** GPU utilisation and memory in use when probed (idle gates), percent and MiB. */
  utilizationGpuPct: z.number().nullable(),
  memoryUsedMiB: z.number().nullable(),
  /** 'None', 'Pass-Through', 'VGPU', ... */
  virtualizationMode: z.string().nullable(),
  /** Confidential-compute mode of the GPU ('on' / 'off' / 'devtools'), null when nvidia-smi does not report it. */
  ccMode: z.string().nullable(),
  /** Hardware video encoder present: true/false from the driver or a known-model table, null when unknown. */
  nvenc: z.boolean().nullable(),
  nvencSource: z.string().nullable(),
  architecture: z.string().nullable(),
  powerLimitW: z.number().nullable(),
});

export const machineFactsSchema = z.strictObject({
  /** When and how the facts were read. */
  probedAt: z.string(),
  /** "nvidia-smi -q -x" or why GPUs could not be read ("no NVIDIA GPU: nvidia-smi not found"). */
  gpuSource: z.string(),
  driverVersion: z.string().nullable(),
  cudaVersion: z.string().nullable(),
  /** The GPUs the subnet would get (the run's assignment, or every GPU when none was made). */
  gpus: z.array(machineGpuSchema),
  cpu: z.strictObject({
    model: z.string().nullable(),
    /** CPU flags relevant to confidential compute found in /proc/cpuinfo (e.g. 'tdx_guest', 'sev_snp'). */
    ccFlags: z.array(z.string()),
    /** Where the flags came from; null when not readable (not Linux). */
    source: z.string().nullable(),
  }),
});

export type MachineGpu = z.infer<typeof machineGpuSchema>;
export type MachineFacts = z.infer<typeof machineFactsSchema>;
