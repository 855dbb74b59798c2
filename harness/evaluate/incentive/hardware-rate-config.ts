// The hardware-rate law's profile block (its table and the plugin's stated guesses) and its flags (network inputs).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';

export const assumption = z.strictObject({
  value: z.number().min(0),
  range: z.tuple([z.number().min(0), z.number().min(0)]).refine(([a, b]) => a <= b, 'range is [low, high]'),
});

export const hardwareRateConfigSchema = z.strictObject({
  kind: z.literal('hardware-rate'),
  /** The rate table, relative to the plugin folder. */
  table: z.string().min(1),
  /** The plugin's stated guesses for network inputs a flag does not give (each says where the real value is). */
  assume: z.strictObject({
    /** class-pool: GPUs of this machine's class already on the subnet. */
    othersOfClass: assumption.optional(),
    /** score-share: the sum of every other miner's score, in the table's normalised units. */
    othersScore: assumption.optional(),
    /** class-pool: mean uptime x sysbox x collateral factor of the other executors. */
    fieldFactor: assumption.optional(),
    /** Where a user finds the real values (shown with every assumption). */
    where: z.string().min(1),
  }),
});
export type HardwareRateConfig = z.infer<typeof hardwareRateConfigSchema>;

const yesNo = z.enum(['yes', 'no']).nullable();

export const hardwareRateOptions = [
  defineOption({
    key: 'gpusOfModel',
    flag: 'gpus-of-model',
    type: 'number',
    schema: z.number().int('a whole number of GPUs').min(0, 'a count of GPUs (>= 0)').nullable(),
    default: null,
    describe:
      "hardware-rate: GPUs of this machine's class already on the subnet (not counting this machine); the validator shares the class's rate among them",
    owner: 'law hardware-rate',
    defaultText: "the plugin's stated range",
  }),
  defineOption({
    key: 'othersScore',
    flag: 'others-score',
    type: 'number',
    schema: z.number().min(0, 'a sum of scores (>= 0)').nullable(),
    default: null,
    describe: "hardware-rate (score-share): the sum of every other miner's score in the table's units",
    owner: 'law hardware-rate',
    defaultText: "the plugin's stated range",
  }),
  defineOption({
    key: 'uptimeDays',
    flag: 'uptime-days',
    type: 'number',
    schema: z.number().min(0, 'days (>= 0)').nullable(),
    default: null,
    describe:
      'hardware-rate: days this machine has been verified on the subnet (the uptime ramp); default: past the ramp',
    owner: 'law hardware-rate',
  }),
  defineOption({
    key: 'sysbox',
    flag: 'sysbox',
    type: 'string',
    schema: yesNo,
    default: null,
    describe: 'hardware-rate: yes if the executor runs the sysbox runtime (Lium pays x1.2), no if not',
    owner: 'law hardware-rate',
  }),
  defineOption({
    key: 'collateral',
    flag: 'collateral',
    type: 'string',
    schema: yesNo,
    default: null,
    describe: 'hardware-rate: yes if the collateral is deposited, no if not (Lium pays x0.5 without it)',
    owner: 'law hardware-rate',
  }),
  defineOption({
    key: 'fieldFactor',
    flag: 'field-factor',
    type: 'number',
    schema: z.number().min(0, 'a factor (>= 0)').nullable(),
    default: null,
    describe: 'hardware-rate: mean uptime x sysbox x collateral factor of the other executors on the subnet',
    owner: 'law hardware-rate',
    defaultText: "the plugin's stated range",
  }),
] as const;

export interface HardwareRateFlags {
  gpusOfModel: number | null;
  othersScore: number | null;
  uptimeDays: number | null;
  sysbox: 'yes' | 'no' | null;
  collateral: 'yes' | 'no' | null;
  fieldFactor: number | null;
}
