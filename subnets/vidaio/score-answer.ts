// scoreVidaioAnswer: the validator's reward for one answer from what inspect found (pure): 0 for every failed check.
import { compressionRate, compressionScore } from './score-compression.ts';
import { upscalingScore } from './score-upscaling.ts';
import type { VidaioInspection } from './inspect-answer.ts';

/**
 * VMAF where it was measured; otherwise the proxy 100 x SSIM (labelled 'ssim-psnr' in the inspection). The upscaling
 * quality s_q comes from PIE-APP upstream, which needs a neural model: SSIM stands in for it here, also as a proxy.
 */
export function scoreVidaioAnswer(inspected: VidaioInspection | undefined): number {
  if (!inspected || inspected.outcome !== 'ok' || inspected.ssim === null) return 0;
  const vmafLike = inspected.vmaf ?? 100 * inspected.ssim;
  if (inspected.protocol === 'compression') {
    const rate = compressionRate(inspected.referenceBytes ?? 0, inspected.outputBytes ?? 0);
    return compressionScore(vmafLike, rate, inspected.vmafThreshold ?? 90).score;
  }
  return upscalingScore(vmafLike, inspected.ssim, inspected.seconds ?? 0).score;
}
