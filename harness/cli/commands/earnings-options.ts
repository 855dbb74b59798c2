// Earnings flags of `estimate`: the run's earnings options (prices, PUE, tenure: EARNINGS_OPTIONS, declared once), the
// rank rule and the validators' query rate, generated as yargs flags and resolved with the chain flags, all at once.
import type { Argv } from 'yargs';
import { z } from 'zod';
import { defineOption, finite } from '../../config/option-spec.ts';
import { EARNINGS_OPTIONS, pricesOf } from '../../evaluate/earnings-options.ts';
import type { MachineEarningsOptions } from '../../evaluate/earnings-machine.ts';
import { RANK_RULES } from '../../evaluate/earnings-rank-rule.ts';
import { chainArgProblems, type ChainCliArgs } from '../chain-options.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';

const rules = Object.keys(RANK_RULES);

export const ESTIMATE_OPTIONS = [
  ...EARNINGS_OPTIONS,
  defineOption({
    key: 'rankRule',
    flag: 'rank-rule',
    type: 'string',
    schema: z
      .string()
      .refine((r) => rules.includes(r), `must be one of: ${rules.join(', ')}`)
      .optional(),
    default: undefined,
    defaultText: 'spread-only, no placement',
    describe: `how the quality score maps to a rank (${rules.join(', ')})`,
    owner: 'earnings',
  }),
  defineOption({
    key: 'validatorQps',
    flag: 'validator-qps',
    type: 'number',
    schema: finite('queries/s').positive('must be > 0 queries/s').optional(),
    default: undefined,
    defaultText: "the run's profile",
    describe: 'queries/s validators send one miner (for the capacity check)',
    owner: 'earnings',
  }),
] as const;

export interface EarningsCliArgs {
  pue?: number;
  tenureDays?: number;
  rankRule?: string;
  validatorQps?: number;
}

export function withEarningsOptions<T>(y: Argv<T>): Argv<T & EarningsCliArgs> {
  return y.options(yargsOptions(ESTIMATE_OPTIONS)) as unknown as Argv<T & EarningsCliArgs>;
}

/** Every earnings and chain flag problem at once (USAGE, exit 2), else the estimate's assumptions. */
export function earningsOptionsFromArgs(
  a: EarningsCliArgs & ChainCliArgs,
  env: NodeJS.ProcessEnv,
): MachineEarningsOptions {
  const o = commandOptions('estimate', ESTIMATE_OPTIONS, a as Record<string, unknown>, env, (v) => [
    ...chainArgProblems(a),
    ...(v.taoPriceAt !== null && v.taoPriceAt !== undefined && v.taoPrice === null
      ? ['--tao-price-at dates a TAO price: give --tao-price too']
      : []),
  ]);
  return {
    prices: pricesOf(o),
    pue: o.pue,
    tenureDays: o.tenureDays,
    ...(o.rankRule ? { rankRule: RANK_RULES[o.rankRule]! } : {}),
  };
}
