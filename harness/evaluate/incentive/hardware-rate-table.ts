// The hardware-rate law's data table (Lium's GPU_MODEL_RATES, SN27's gpu_scores and TFLOPS, Basilica's categories):
// one schema, so a newer copy of a subnet's table is a data file, never code.
import { z } from 'zod';

const gpuClassSchema = z.strictObject({
  /** Lium: the class's portion of the miner weights; SN27: the score of one GPU; Basilica: weight / 100. */
  rate: z.number().min(0),
  /** nvidia-smi names that belong to this class when the key is not one (a regular expression, e.g. "H100"). */
  match: z.string().min(1).optional(),
  /** Collateral a GPU of this class must lock, TAO per GPU per collateral day (Lium REQUIRED_DEPOSIT_AMOUNT). */
  depositTaoPerGpuDay: z.number().min(0).optional(),
  /** Fewest GPUs of this class a machine needs to be paid for it (Basilica B200: 8). */
  minGpus: z.number().int().min(1).optional(),
  /** Reference figures the GPU is identified by from measurements (SN27 GPU_TFLOPS_FP16/FP32, GPU_AVRAM in GB). */
  fp16Tflops: z.number().positive().optional(),
  fp32Tflops: z.number().positive().optional(),
  avramGb: z.number().positive().optional(),
});

export const hardwareRateTableSchema = z
  .strictObject({
    /** How the GPU class is found: by nvidia-smi's name (exact key, or `match`), or from measured TFLOPS and VRAM (SN27). */
    identify: z.enum(['name', 'tflops']),
    /**
     * How a class rate becomes a share of the miner weights:
     * 'class-pool' (Lium, Basilica): rate x this machine's GPUs / all GPUs of that class, over the sum of all such
     * scores; 'score-share' (SN27): rate x GPUs counted, normalised by the best class x maxGpusCounted, over the sum of
     * every miner's score.
     */
    split: z.enum(['class-pool', 'score-share']),
    gpus: z
      .record(z.string().min(1), gpuClassSchema)
      .refine((g) => Object.keys(g).length > 0, 'at least one GPU class'),
    /** At most this many GPUs of one machine count (SN27: 8). */
    maxGpusCounted: z.number().int().positive().optional(),
    /** SN27 gpu_tolerance_pairs: classes with near-identical fingerprints; the reported name decides between them. */
    tolerancePairs: z.record(z.string(), z.string()).optional(),
    /** Weight the validator sends to burn UIDs before miners share the rest (Lium TOTAL_BURN_EMISSION 0.8). */
    burn: z.strictObject({ fraction: z.number().min(0).max(1), uids: z.array(z.number().int().min(0)) }),
    /** Uptime ramp: factor = floor + min(1 - floor, uptime / fullAfterDays) (Lium PORTION_FOR_UPTIME, 5 days). */
    uptime: z.strictObject({ floor: z.number().min(0).max(1), fullAfterDays: z.number().positive() }).optional(),
    /** Score bonus for executors that run the sysbox runtime (Lium PORTION_FOR_SYSBOX 0.2 -> x 1.2). */
    sysboxBonus: z.number().min(0).optional(),
    /** Score multiplier when the collateral is not deposited (Lium IS_NOT_DEPOSITED_SCORE_MULTIPLIER 0.5). */
    notDepositedMultiplier: z.number().min(0).max(1).optional(),
    /** Days of rent the collateral covers (Lium COLLATERAL_DAYS 7): deposit = per GPU-day x GPUs x days. */
    collateralDays: z.number().positive().optional(),
    /** Classes the validator does not check collateral for (Lium COLLATERAL_EXCLUDED_GPU_TYPES). */
    collateralExcluded: z.array(z.string()).optional(),
    /** Driver versions the validator knows (Lium LIB_NVIDIA_ML_DIGESTS keys); read by the `driver` gate. */
    knownDrivers: z.array(z.string()).optional(),
    /** Idle limits the validator applies (Lium GPU_UTILIZATION_LIMIT, GPU_MEMORY_UTILIZATION_LIMIT), percent. */
    idleLimits: z
      .strictObject({ gpuUtilPct: z.number().min(0).max(100), memoryPct: z.number().min(0).max(100) })
      .optional(),
  })
  .superRefine((t, ctx) => {
    if (t.identify === 'tflops') {
      for (const [name, g] of Object.entries(t.gpus)) {
        if (g.fp16Tflops === undefined || g.fp32Tflops === undefined || g.avramGb === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['gpus', name],
            message: "identify 'tflops' needs fp16Tflops, fp32Tflops and avramGb for every class",
          });
      }
    }
    for (const [a, b] of Object.entries(t.tolerancePairs ?? {})) {
      for (const [k, n] of [
        [a, 'key'],
        [b, 'value'],
      ] as const)
        if (!(k in t.gpus))
          ctx.addIssue({ code: 'custom', path: ['tolerancePairs', a], message: `${n} '${k}' is not a class in gpus` });
    }
    for (const [name, g] of Object.entries(t.gpus)) {
      if (g.match === undefined) continue;
      try {
        new RegExp(g.match);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['gpus', name, 'match'], message: 'not a valid regular expression' });
      }
    }
  });

export type HardwareRateTable = z.infer<typeof hardwareRateTableSchema>;
export type GpuClass = HardwareRateTable['gpus'][string];
