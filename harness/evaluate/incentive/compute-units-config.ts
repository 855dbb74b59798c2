// The compute-units law's data table (Chutes' SUPPORTED_GPUS hourly rates, FEATURE_WEIGHTS), its profile block (the
// plugin's stated guesses) and its flags (the network's speeds and compute, this machine's utilisation).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { assumption } from './hardware-rate-config.ts';

export const computeUnitsTableSchema = z.strictObject({
  /** Per GPU kind: which nvidia-smi names it is (a regular expression), its memory and the platform's hourly rate. */
  gpus: z
    .record(
      z.string().min(1),
      z.strictObject({
        match: z.string().min(1),
        memoryGb: z.number().positive(),
        hourlyRate: z.number().positive(),
      }),
    )
    .refine((g) => Object.keys(g).length > 0, 'at least one GPU'),
  /** The share of the final score each feature carries (sums to 1). */
  featureWeights: z
    .strictObject({
      computeUnits: z.number().min(0).max(1),
      invocationCount: z.number().min(0).max(1),
      uniqueChuteCount: z.number().min(0).max(1),
      bountyCount: z.number().min(0).max(1),
    })
    .refine(
      (w) => Math.abs(w.computeUnits + w.invocationCount + w.uniqueChuteCount + w.bountyCount - 1) < 1e-9,
      'the weights sum to 1',
    ),
  scoringIntervalDays: z.number().positive(),
});
export type ComputeUnitsTable = z.infer<typeof computeUnitsTableSchema>;

export const computeUnitsConfigSchema = z.strictObject({
  kind: z.literal('compute-units'),
  table: z.string().min(1),
  assume: z.strictObject({
    /** Compute units the whole subnet earns per day (every miner but this machine). */
    networkComputeUnitsPerDay: assumption,
    /** Share of the day this machine serves routed traffic at its measured load. */
    utilisation: assumption,
    /** The network's per-request tokens/s over this machine's (used when --network-ptps/--network-otps are absent). */
    networkSpeedRatio: assumption,
    /** This machine's share of invocations, unique chutes and bounties over its share of compute units. */
    otherFeaturesRatio: assumption,
    where: z.string().min(1),
  }),
});
export type ComputeUnitsConfig = z.infer<typeof computeUnitsConfigSchema>;

const positive = (what: string) => z.number().positive(`${what} (> 0)`).nullable();

export const computeUnitsOptions = [
  defineOption({
    key: 'networkPtps',
    flag: 'network-ptps',
    type: 'number',
    schema: positive('prompt tokens per second per request'),
    default: null,
    describe: "compute-units: the network's moving average of prompt tokens/s per request for the chute (Chutes' ptps)",
    owner: 'law compute-units',
    defaultText: "this machine's own, x the plugin's stated ratio range",
  }),
  defineOption({
    key: 'networkOtps',
    flag: 'network-otps',
    type: 'number',
    schema: positive('output tokens per second per request'),
    default: null,
    describe: "compute-units: the network's moving average of output tokens/s per request for the chute (Chutes' otps)",
    owner: 'law compute-units',
    defaultText: "this machine's own, x the plugin's stated ratio range",
  }),
  defineOption({
    key: 'networkCuPerDay',
    flag: 'network-cu-per-day',
    type: 'number',
    schema: positive('compute units per day'),
    default: null,
    describe: 'compute-units: compute units the rest of the subnet earns per day',
    owner: 'law compute-units',
    defaultText: "the plugin's stated range",
  }),
  defineOption({
    key: 'utilisation',
    flag: 'utilisation',
    type: 'number',
    schema: z
      .number()
      .min(0, 'a fraction 0..1')
      .max(1, 'a fraction 0..1 (utilisation above 1 is not possible)')
      .nullable(),
    default: null,
    describe: 'compute-units: share of the day this machine serves routed traffic at the load it was measured under',
    owner: 'law compute-units',
    defaultText: "the plugin's stated range",
  }),
] as const;

export interface ComputeUnitsFlags {
  networkPtps: number | null;
  networkOtps: number | null;
  networkCuPerDay: number | null;
  utilisation: number | null;
}
