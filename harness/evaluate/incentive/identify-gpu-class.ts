// identifyGpuClass: which class of a hardware-rate table a GPU is, by nvidia-smi's name or (SN27 proof-of-GPU) by
// the least mean relative deviation of measured fp16/fp32 TFLOPS and usable VRAM from the table's reference values.
import type { HardwareRateTable } from './hardware-rate-table.ts';

/**
 * The table key for an nvidia-smi name: the exact key first, then the first entry whose `match` pattern finds it (the
 * hardware-rate law's class, and the gpu-model-in-table gate's model: both read a table's `gpus` this way).
 */
export function classByName(name: string | null, gpus: Readonly<Record<string, { match?: unknown }>>): string | null {
  if (name === null) return null;
  if (Object.hasOwn(gpus, name)) return name;
  for (const [key, g] of Object.entries(gpus))
    if (typeof g.match === 'string' && new RegExp(g.match).test(name)) return key;
  return null;
}

/**
 * The "available VRAM" SN27's proof-of-GPU script reports: it allocates fp16 arrays doubling from 2 MiB until one
 * fails, holding the previous array while the next is allocated, and reports the last size that worked in GB (1e9).
 * So it is the largest 2^k bytes with 1.5 x 2^k <= free memory (neuralinternet/compute-subnet@303b31e:
 * neurons/Validator/miner_script_m_merkletree.py estimate_vram_size). Worked: H100 80 GB -> 2^35 B = 34.36 GB,
 * H200 -> 68.72, A100 40 GB -> 17.18, RTX 4090 -> 8.59 (the table's GPU_AVRAM values). Free memory is taken as the
 * total nvidia-smi reports (the real script runs on a GPU with a CUDA context open, a few hundred MiB less).
 */
export function estimateAvramGb(memoryTotalMiB: number): number {
  const bytes = memoryTotalMiB * 1024 * 1024;
  let size = 2 * 1024 * 1024;
  if (1.5 * size > bytes) return 0;
  while (1.5 * size * 2 <= bytes) size *= 2;
  return Math.round((size / 1e9) * 100) / 100;
}

export interface TflopsIdentity {
  /** The class it is identified as (after the tolerance-pair adjustment). */
  gpuClass: string;
  /** Mean relative deviation from that class's reference values (0 = identical). */
  deviation: number;
  /** Every class with its deviation, nearest first. */
  ranked: Array<{ gpuClass: string; deviation: number }>;
  /** The tolerance pair used, when the reported name switched the class. */
  toleranceAdjusted: boolean;
}

/**
 * SN27 identify_gpu re-implemented from its description (compute-subnet@303b31e:neurons/Validator/pog.py): for every
 * class, (|fp16 - ref16|/ref16 + |fp32 - ref32|/ref32 + |avram - refV|/refV) / 3; the smallest wins; when the winner
 * and the reported name are a tolerance pair, the reported name is taken.
 */
export function identifyByTflops(
  measured: { fp16Tflops: number; fp32Tflops: number; avramGb: number },
  table: Pick<HardwareRateTable, 'gpus' | 'tolerancePairs'>,
  reportedName: string | null,
): TflopsIdentity | null {
  const ranked = Object.entries(table.gpus)
    .filter(([, g]) => g.fp16Tflops && g.fp32Tflops && g.avramGb)
    .map(([gpuClass, g]) => ({
      gpuClass,
      deviation:
        (Math.abs(measured.fp16Tflops - g.fp16Tflops!) / g.fp16Tflops! +
          Math.abs(measured.fp32Tflops - g.fp32Tflops!) / g.fp32Tflops! +
          Math.abs(measured.avramGb - g.avramGb!) / g.avramGb!) /
        3,
    }))
    .sort((a, b) => a.deviation - b.deviation);
  const best = ranked[0];
  if (!best) return null;
  const pairs = table.tolerancePairs ?? {};
  let gpuClass = best.gpuClass;
  let toleranceAdjusted = false;
  if (
    reportedName &&
    reportedName !== gpuClass &&
    (pairs[gpuClass] === reportedName || pairs[reportedName] === gpuClass)
  ) {
    gpuClass = reportedName;
    toleranceAdjusted = true;
  }
  const deviation = ranked.find((r) => r.gpuClass === gpuClass)?.deviation ?? best.deviation;
  return { gpuClass, deviation, ranked, toleranceAdjusted };
}
