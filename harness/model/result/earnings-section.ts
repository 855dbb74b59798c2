// Earnings: what this machine would net per day on a subnet, by the law the subnet pays with, every input with its source.
import { z } from 'zod';
import { subnetEconomicsSchema } from '../subnet-economics.ts';

/** A figure with its plausible range over the inputs that are not known (value null: cannot be computed, see missing). */
export const rangedSchema = z.strictObject({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const inputSourceSchema = z.enum([
  /** Measured by this run on this machine. */
  'measured',
  /** Read from the chain snapshot the estimate used. */
  'chain',
  /** From a dated data table shipped with the plugin (or pointed at with a flag). */
  'table',
  /** Given on the command line or in the environment. */
  'flag',
  /** From a file the user gave (auction JSON, field quality). */
  'file',
  /** A constant of the subnet's published rules, declared in the plugin's profile (cap, exponent, burn). */
  'rules',
  /** Not known: the estimate shows the range over `range`. */
  'assumed',
]);

export const lawInputSchema = z.strictObject({
  /** Stable key, e.g. 'gpusOfModelOnSubnet'. */
  name: z.string(),
  /** Words, e.g. "NVIDIA H100 80GB HBM3 GPUs on the subnet". */
  label: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  unit: z.string().nullable(),
  source: inputSourceSchema,
  /** Exactly where: "nvidia-smi -q -x", "chain block 8,791,253", "subnets/lium/tables/gpu-rates.json (Datura-ai/lium-io@bc290ae)". */
  from: z.string(),
  /** The date the value is as of (ISO); null when timeless (a rule constant) or just measured. */
  asOf: z.string().nullable(),
  ageDays: z.number().nullable(),
  /** Plausible low and high when the value is assumed or uncertain; the estimate's range spans it. */
  range: z.tuple([z.number(), z.number()]).nullable(),
  /** The flag or file that supplies or overrides it (e.g. "--gpus-of-model 'NVIDIA H100 80GB HBM3=120'"). */
  supplyWith: z.string().nullable(),
});

export const earningsSchema = z.strictObject({
  /** The law kind, e.g. 'hardware-rate'. */
  law: z.string(),
  lawTitle: z.string(),
  netuid: z.number().int(),
  /** Eligibility as the law sees it (gates from the run plus the law's own, e.g. "model not in the rate table"). */
  eligible: z.boolean().nullable(),
  reasons: z.array(z.string()),
  /** The network side: the subnet's miner pool per day after the chain's burns. */
  network: subnetEconomicsSchema,
  /** Extra share of the miner pool the law itself burns (grail 0.9, Lium's burn UIDs); 0 when none. */
  lawBurnFraction: z.number().min(0).max(1),
  /** This machine's share of the miner pool after every burn (0..1). */
  share: rangedSchema,
  gross: z.strictObject({ alphaPerDay: rangedSchema, taoPerDay: rangedSchema, fiatPerDay: rangedSchema }),
  power: z.strictObject({
    meanW: z.number().nullable(),
    pue: z.number(),
    kwhPerDay: z.number().nullable(),
    costPerDay: z.number().nullable(),
    currency: z.string().nullable(),
  }),
  registration: z.strictObject({
    burnTao: z.number().nullable(),
    tenureDays: z.number(),
    taoPerDay: z.number().nullable(),
    fiatPerDay: z.number().nullable(),
  }),
  net: z.strictObject({ taoPerDay: rangedSchema, fiatPerDay: rangedSchema, currency: z.string().nullable() }),
  inputs: z.array(lawInputSchema),
  /** Names of the inputs that widen the range most, widest first. */
  dominantInputs: z.array(z.string()),
  /** The law's own figures, in order (rate, count share, uptime factor, compute units/day, rank...). */
  breakdown: z.array(
    z.strictObject({
      label: z.string(),
      value: z.union([z.number(), z.string()]).nullable(),
      unit: z.string().nullable(),
    }),
  ),
  /** Alternative outcomes worth seeing (the net at ranks top/p10/p50/p90/last; the net if placed 1st vs 6th...). */
  scenarios: z.array(
    z.strictObject({
      label: z.string(),
      share: z.number().nullable(),
      netTaoPerDay: z.number().nullable(),
      netFiatPerDay: z.number().nullable(),
    }),
  ),
  assumptions: z.array(z.string()),
  /** Why some figures are null, and which flag or file would supply them. */
  missing: z.array(z.string()),
  warnings: z.array(z.string()),
});

export type Ranged = z.infer<typeof rangedSchema>;
export type LawInput = z.infer<typeof lawInputSchema>;
export type Earnings = z.infer<typeof earningsSchema>;
