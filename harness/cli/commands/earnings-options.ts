// Earnings assumption flags shared by `run` and `estimate`: PUE, tenure over which the burn is spread, the rank rule.
import type { Argv } from 'yargs';
import type { EarningsPrices } from '../../evaluate/earnings-prices.ts';
import type { MachineEarningsOptions } from '../../evaluate/earnings-machine.ts';
import { RANK_RULES } from '../../evaluate/earnings-rank-rule.ts';
import { MinerbenchError } from '../../errors.ts';

export interface EarningsCliArgs {
  pue?: number;
  tenureDays?: number;
  rankRule?: string;
}

export function withEarningsOptions<T>(y: Argv<T>): Argv<T & EarningsCliArgs> {
  return y
    .option('pue', { type: 'number', describe: 'power usage effectiveness of the site [default: 1.0]' })
    .option('tenure-days', {
      type: 'number',
      describe: 'expected days a UID is kept, to spread the registration burn [default: 30]',
    })
    .option('rank-rule', {
      choices: Object.keys(RANK_RULES),
      describe: 'how the quality score maps to a rank [default: spread-only, no placement]',
    }) as Argv<T & EarningsCliArgs>;
}

export function earningsOptionsFromArgs(a: EarningsCliArgs, prices: EarningsPrices): MachineEarningsOptions {
  const problems: string[] = [];
  if (a.pue !== undefined && !(a.pue >= 1)) problems.push(`--pue must be >= 1 (got ${a.pue})`);
  if (a.tenureDays !== undefined && !(a.tenureDays > 0))
    problems.push(`--tenure-days must be > 0 (got ${a.tenureDays})`);
  if (problems.length) throw new MinerbenchError('USAGE', 'invalid earnings assumptions', { details: problems });
  return {
    prices,
    ...(a.pue !== undefined ? { pue: a.pue } : {}),
    ...(a.tenureDays !== undefined ? { tenureDays: a.tenureDays } : {}),
    ...(a.rankRule ? { rankRule: RANK_RULES[a.rankRule]! } : {}),
  };
}
