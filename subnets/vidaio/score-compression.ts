// compressionScore: vidaio's reward for one compressed clip (VMAF against its threshold, size ratio), pure.
// Re-written from vidAio-subnet/vidaio-subnet@fea3779:services/scoring/scoring_function.py (calculate_compression_score)
// and services/scoring/server.py (score_compression_synthetics: the compression rate and the 0 cases).

export interface CompressionScore {
  score: number;
  compressionComponent: number;
  qualityComponent: number;
  reason: string;
}

/** dist/ref when the output is smaller and the reference non-empty, else 1.0 (no compression), as server.py does. */
export function compressionRate(referenceBytes: number, outputBytes: number): number {
  return referenceBytes > 0 && outputBytes < referenceBytes ? outputBytes / referenceBytes : 1;
}

const NORMALIZATION = 1.12;
const SOFT_MARGIN = 5;

/**
 * Three zones: rate >= 0.80 or VMAF below threshold - 5 scores 0; the soft zone (threshold - 5 .. threshold) scales a
 * steep compression component by 0.7 * position^2; at or above the threshold, 70 % compression + 30 % quality
 * (0.7 .. 1.0 linear in the VMAF excess). Both divided by 1.12 and capped at 1.
 */
export function compressionScore(vmaf: number, rate: number, vmafThreshold: number): CompressionScore {
  const zero = (reason: string): CompressionScore => ({
    score: 0,
    compressionComponent: 0,
    qualityComponent: 0,
    reason,
  });
  const hardCutoff = vmafThreshold - SOFT_MARGIN;
  if (rate >= 0.8) return zero(`no meaningful compression (rate ${rate.toFixed(2)}, at least 1.25x needed)`);
  if (vmaf < hardCutoff) return zero(`VMAF ${vmaf.toFixed(2)} below the hard cutoff ${hardCutoff.toFixed(2)}`);
  const ratio = 1 / rate;
  if (vmaf < vmafThreshold) {
    const position = (vmaf - hardCutoff) / SOFT_MARGIN;
    const quality = 0.7 * position ** 2;
    const compression = ratio <= 20 ? ((ratio - 1) / 19) ** 1.5 : 1 + 0.3 * Math.log(ratio / 20);
    return {
      score: Math.min(1, (compression * quality) / NORMALIZATION),
      compressionComponent: compression,
      qualityComponent: quality,
      reason: `VMAF ${vmaf.toFixed(2)} in the soft zone`,
    };
  }
  const maxExcess = 100 - vmafThreshold;
  const quality = maxExcess <= 0 ? 1 : 0.7 + 0.3 * Math.min(1, (vmaf - vmafThreshold) / maxExcess);
  const compression = ratio <= 20 ? ((ratio - 1.25) / 18.75) ** 0.9 : 1 + 0.1 * Math.log(ratio / 20);
  return {
    score: Math.min(1, (0.7 * compression + 0.3 * quality) / NORMALIZATION),
    compressionComponent: compression,
    qualityComponent: quality,
    reason: ratio < 10 ? 'success' : 'success (excellent compression)',
  };
}
