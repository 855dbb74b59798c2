// capped-power law (SN81 grail): weight = min(units, cap)^k / cap^k per rolling period, shared only when the miners
// together pass 1, after a fixed burn; the shortfall burns too. Pure.
//
// one-covenant/grail@54d6342 (2026-04-09): grail/scoring/weights.py compute_weights / _apply_burn, constants
// UNIQUE_ROLLOUTS_CAP 5000 per window, 12 rolling windows, SUPERLINEAR_EXPONENT 4, GRAIL_BURN_PERCENTAGE 90.
// Per miner c = min(U, cap x W)^k / (cap x W)^k; T = sum of c; weight = (1 - burn) x c / max(1, T).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import { assumption } from './hardware-rate-config.ts';
import type { IncentiveLaw, LawContext } from './incentive-law.ts';
import { lawEarnings, type LawOutcome } from './law-earnings.ts';
import { fieldInput, measuredInput, rulesInput } from './law-input.ts';
import { shareRange, type Uncertain } from './share-range.ts';

export const cappedPowerConfigSchema = z.strictObject({
  kind: z.literal('capped-power'),
  /** Where the rules below were read (owner/repo@commit:path). */
  source: z.string().min(1),
  /** Units counted per window at most (grail UNIQUE_ROLLOUTS_CAP). */
  capPerWindow: z.number().positive(),
  /** Windows in the rolling period the cap applies to (grail 12). */
  windowsPerPeriod: z.number().int().positive(),
  exponent: z.number().positive(),
  burnFraction: z.number().min(0).max(1),
  assume: z.strictObject({
    /** The other miners' sum of cap-relative scores (each 1 at the cap). */
    othersCapRelative: assumption,
    where: z.string().min(1),
  }),
});
export type CappedPowerConfig = z.infer<typeof cappedPowerConfigSchema>;

export const cappedPowerOptions = [
  defineOption({
    key: 'othersCapRelative',
    flag: 'others-cap-relative',
    type: 'number',
    schema: z.number().min(0, 'a sum of cap-relative scores (>= 0)').nullable(),
    default: null,
    describe: "capped-power: the other miners' cap-relative scores added up (3 = three miners at the cap)",
    owner: 'law capped-power',
    defaultText: "the plugin's stated range",
  }),
] as const;

export interface CappedPowerFlags {
  othersCapRelative: number | null;
}

type Ctx = LawContext<CappedPowerConfig, CappedPowerFlags, null>;

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

function outcome(ctx: Ctx): LawOutcome {
  const c = ctx.config;
  const w = ctx.machine.window;
  const inputs: LawInput[] = [
    rulesInput(
      { name: 'capPerWindow', label: 'units counted per window at most', value: c.capPerWindow, unit: 'units' },
      c.source,
    ),
    rulesInput({ name: 'exponent', label: 'exponent', value: c.exponent, unit: null }, c.source),
    rulesInput(
      { name: 'burnFraction', label: 'emission always burned', value: c.burnFraction, unit: 'fraction' },
      c.source,
    ),
  ];
  const missing: string[] = [];
  const uncertain: Uncertain[] = [];
  if (!w) missing.push('no window workload measured: units per window unknown');
  else
    inputs.push(
      measuredInput(
        {
          name: 'unitsPerWindow',
          label: 'accepted units per window (mean)',
          value: w.unitsPerWindowMean,
          unit: 'units',
        },
        `window workload, ${w.windows} windows`,
      ),
    );
  const capRel = w ? Math.min(w.unitsPerWindowMean / c.capPerWindow, 1) ** c.exponent : null;
  const others = fieldInput(
    {
      name: 'othersCapRelative',
      label: "other miners' cap-relative scores, summed",
      flag: '--others-cap-relative X',
      unit: null,
      given: ctx.flags.othersCapRelative,
      assumed: c.assume.othersCapRelative,
      where: c.assume.where,
    },
    inputs,
    uncertain,
  );
  const keep = 1 - c.burnFraction;
  const share = (v: Readonly<Record<string, number>>) =>
    capRel === null ? null : (keep * capRel) / Math.max(1, capRel + others(v));
  return {
    eligible: true,
    reasons: [],
    lawBurnFraction: c.burnFraction,
    share: shareRange(uncertain, share),
    inputs,
    breakdown: [
      { label: 'units per window / cap', value: w ? r6(w.unitsPerWindowMean / c.capPerWindow) : null, unit: null },
      {
        label: `cap-relative score (min(units, cap) / cap)^${c.exponent}`,
        value: capRel === null ? null : r6(capRel),
        unit: null,
      },
    ],
    scenarios: [{ label: 'at the cap, alone above it (no sharing)', share: keep }],
    assumptions: [
      `the period cap is ${c.capPerWindow} x ${c.windowsPerPeriod} windows; the measured windows stand for every window of the period`,
      'a miner is zeroed for any failed verification in its last 14 windows (not reproduced: GRAIL proofs need the real model)',
    ],
    missing,
    warnings: [],
  };
}

export const cappedPowerLaw: IncentiveLaw<CappedPowerConfig, CappedPowerFlags, null> = {
  kind: 'capped-power',
  title: 'Capped power (min(units, cap)^k / cap^k, with a burn)',
  summary: "min(units, cap)^k / cap^k of the miners' part after a fixed burn; the shortfall below the cap burns too",
  configSchema: cappedPowerConfigSchema,
  tableSchema: null,
  options: cappedPowerOptions,
  estimate: (ctx) => lawEarnings(cappedPowerLaw, ctx, outcome(ctx)),
};
