// upscalingScore: vidaio's reward for one upscaled clip (VMAF gate, PIE-APP quality, clip length), pure.
// Re-written from vidAio-subnet/vidaio-subnet@fea3779:services/scoring/upscaling_scoring.py and
// services/scoring/server.py (score_upscaling_synthetics: VMAF/100 < vmaf_threshold 0.5 scores 0,
// vidaio_subnet_core/configs/score.py), and the file-size limit UPSCALING_FILE_SIZE_MULTIPLIERS {2: 8, 4: 20}.

/** s_l = ln(1 + seconds) / ln(321): 5 s -> 0.311, 10 s -> 0.416. */
export function lengthScore(seconds: number): number {
  return Math.log(1 + seconds) / Math.log(1 + 320);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const shaped = (x: number) => (1 - Math.log10(sigmoid(x) + 1) / Math.log10(3.5)) ** 2.5;

/** s_q from a PIE-APP distance (lower is better): 1 at PIE-APP 0, 0 at PIE-APP 2, through a sigmoid-shaped curve. */
export function qualityFromPieApp(pieapp: number): number {
  const atZero = shaped(0);
  const atTwo = shaped(2);
  return 1 - (shaped(pieapp) - atZero) / (atTwo - atZero);
}

/** s_f = 0.1 * exp(6.979 * (s_pre - 0.5)) with s_pre = (s_q + s_l) / 2. */
export function finalUpscalingScore(qualityScore: number, lengthScoreValue: number): number {
  const pre = 0.5 * qualityScore + 0.5 * lengthScoreValue;
  return 0.1 * Math.exp(6.979 * (pre - 0.5));
}

/** The validator's VMAF gate for upscaling (score.py vmaf_threshold 0.5 on VMAF/100). */
export const UPSCALING_VMAF_GATE = 0.5;

/** Largest upscaled file, as a multiple of the reference's size, per scale factor. */
export const UPSCALING_SIZE_MULTIPLIER: Readonly<Record<number, number>> = { 2: 8, 4: 20 };

export interface UpscalingScore {
  score: number;
  qualityScore: number;
  lengthScore: number;
  reason: string;
}

/** The whole chain for one clip whose checks passed: the VMAF gate, then s_q (given), s_l, s_f. */
export function upscalingScore(vmaf: number, qualityScore: number, contentSeconds: number): UpscalingScore {
  if (vmaf / 100 < UPSCALING_VMAF_GATE)
    return { score: 0, qualityScore: 0, lengthScore: 0, reason: `VMAF ${vmaf.toFixed(2)} is too low` };
  const sl = lengthScore(contentSeconds);
  return { score: finalUpscalingScore(qualityScore, sl), qualityScore, lengthScore: sl, reason: 'success' };
}
