// The incentive laws minerbench knows, by kind (one file each); an unknown kind is refused with the known ones listed.
import { MinerbenchError } from '../../errors.ts';
import { formatZodIssues } from '../../config/format-issues.ts';
import { lawTableOption } from '../../config/law-table-option.ts';
import type { OptionSpec } from '../../config/option-spec.ts';
import { auctionLaw } from './auction.ts';
import { cappedPowerLaw } from './capped-power.ts';
import { computeUnitsLaw } from './compute-units.ts';
import { hardwareRateLaw } from './hardware-rate.ts';
import type { IncentiveLaw } from './incentive-law.ts';
import { qualityShareLaw } from './quality-share.ts';
import { rankSharesLaw } from './rank-shares.ts';

/** Every law, in the order `minerbench subnets` explains them. */
export const INCENTIVE_LAWS: readonly IncentiveLaw<unknown, unknown, unknown>[] = [
  qualityShareLaw,
  hardwareRateLaw,
  computeUnitsLaw,
  rankSharesLaw,
  cappedPowerLaw,
  auctionLaw,
] as unknown as readonly IncentiveLaw<unknown, unknown, unknown>[];

/** A profile without a law block is priced by quality-share (today's spread over ranks). */
export const DEFAULT_LAW_BLOCK = { kind: 'quality-share' } as const;

export function lawByKind(kind: string, where = 'law.kind'): IncentiveLaw<unknown, unknown, unknown> {
  const law = INCENTIVE_LAWS.find((l) => l.kind === kind);
  if (!law) {
    throw new MinerbenchError('CONFIG_INVALID', `${where}: unknown incentive law '${kind}'`, {
      hint: `known laws: ${INCENTIVE_LAWS.map((l) => l.kind).join(', ')}`,
    });
  }
  return law;
}

/** The law of a profile's block and its validated config; every problem at once (CONFIG_INVALID). */
export function resolveLaw(
  block: Readonly<Record<string, unknown>> | undefined,
  file: string,
): { law: IncentiveLaw<unknown, unknown, unknown>; config: unknown } {
  const b = block ?? DEFAULT_LAW_BLOCK;
  const law = lawByKind(String(b['kind']), `${file}: law.kind`);
  const r = law.configSchema.safeParse(b);
  if (!r.success) {
    throw new MinerbenchError('CONFIG_INVALID', `${file}: the law block is invalid for '${law.kind}'`, {
      details: formatZodIssues(`${file}: law`, r.error.issues, b),
      hint: `see harness/evaluate/incentive/${law.kind}.ts for what a '${law.kind}' block holds`,
    });
  }
  return { law, config: r.data };
}

/** --law-table and every law's own flags, each once (laws that share a flag share its declaration). */
export function lawOptionSpecs(): OptionSpec[] {
  return [...new Set<OptionSpec>([lawTableOption, ...INCENTIVE_LAWS.flatMap((l) => [...l.options])])];
}
