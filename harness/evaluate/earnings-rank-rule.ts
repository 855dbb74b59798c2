// Rank rules: how a measured quality score maps to an expected rank among paying miners (documented and replaceable).

export interface RankPlacement {
  /** 1 = best paid; null when the rule does not place the machine. */
  rank: number | null;
  /** The mapping in plain words, shown to the reader. */
  statement: string;
}

export interface RankRule {
  id: string;
  place(qualityMean: number | null, payingMiners: number): RankPlacement;
}

/**
 * Default: places nowhere. minerbench scores only this machine, not the competitors, so a score alone cannot say
 * which rank it would reach; the estimate is shown at several ranks instead.
 */
export const spreadOnlyRule: RankRule = {
  id: 'spread-only',
  place: (q) => ({
    rank: null,
    statement: `minerbench does not know the quality of the other miners, so a quality score${q === null ? '' : ` of ${q}`} does not place this machine at a rank; see the estimate at the ranks shown (top, p10, p50, p90, last paying miner)`,
  }),
};

/**
 * Opt-in: assumes competitors' scores are spread evenly over [0, 1], so a mean quality q beats a fraction q of them:
 * rank = ceil((1 - q) x paying miners), at least 1. An assumption, not a measurement.
 */
export const qualityAsPercentileRule: RankRule = {
  id: 'quality-as-percentile',
  place: (q, n) => {
    if (q === null || n === 0)
      return { rank: null, statement: q === null ? 'no quality score measured: no rank' : 'no paying miners: no rank' };
    const qc = Math.min(1, Math.max(0, q));
    const rank = Math.max(1, Math.ceil((1 - qc) * n));
    return {
      rank,
      statement: `ASSUMPTION: competitors' scores spread evenly over 0..1, so quality ${q} ranks ${rank} of ${n} paying miners`,
    };
  },
};

export const RANK_RULES: Readonly<Record<string, RankRule>> = {
  [spreadOnlyRule.id]: spreadOnlyRule,
  [qualityAsPercentileRule.id]: qualityAsPercentileRule,
};
