// energyUncertainty: how far a measured GPU energy figure may be off, from the reading type and the sampling.
import type { EnergyUncertainty, PowerIntegral, ReadingKind } from '../model/result/energy-section.ts';

export type { EnergyUncertainty, ReadingKind };

/**
 * The rule (one GPU, one window of T seconds, readings every periodMs):
 *  - sensor: nvidia-smi documents each power reading as accurate to +/- 5 W (sensorAccuracyW); taken as a bias
 *    that can last the whole window: 5 W x T.
 *  - sampling: an instantaneous reading ('instant': power.draw.instant, or power.draw before Ampere and on GA100)
 *    says nothing about the power between two readings (Yang et al., SC24: on A100/H100 only ~25% of the runtime
 *    is sampled). The bound is how far the trapezoid is from holding each reading as a step: sum |dP| dt / 2.
 *    A 1-s average ('1s-average': power.draw on Ampere-and-newer except GA100) already covers the time between
 *    readings when periodMs <= 1000, so the term is 0; for slower sampling it is scaled by (1 - 1000/periodMs),
 *    the share of time no average covers.
 *  - lag: a trailing 1-s average describes the previous second, so the window is seen shifted by half a second:
 *    0.5 s x |P_last - P_first|.
 *  - 'unknown' readings (power.draw on an unrecognised architecture) get both the sampling and the lag terms.
 *  - uncovered: the seconds no bridged interval covers are filled at the mean power; they could have been
 *    anywhere between the lowest and highest power seen: uncoveredS x (maxW - minW) / 2.
 */
export function energyUncertainty(
  integral: PowerIntegral,
  reading: ReadingKind,
  opts: { periodMs: number; sensorAccuracyW: number; averagingWindowMs: number },
): EnergyUncertainty {
  const sensorJ = opts.sensorAccuracyW * integral.windowS;
  const uncoveredShare = Math.max(0, 1 - opts.averagingWindowMs / opts.periodMs);
  const samplingJ = reading === '1s-average' ? integral.stepDifferenceJ * uncoveredShare : integral.stepDifferenceJ;
  const lagJ =
    reading === 'instant' || integral.firstW === null || integral.lastW === null
      ? 0
      : (opts.averagingWindowMs / 2000) * Math.abs(integral.lastW - integral.firstW);
  const range = integral.maxW !== null && integral.minW !== null ? integral.maxW - integral.minW : 0;
  const uncoveredJ = integral.coveredS > 0 ? (integral.uncoveredS * range) / 2 : 0;
  return { joules: sensorJ + samplingJ + lagJ + uncoveredJ, sensorJ, samplingJ, lagJ, uncoveredJ };
}
