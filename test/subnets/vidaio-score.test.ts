// vidaio's compression and upscaling formulas against numbers worked by hand (arithmetic in the comments).
import { describe, expect, it } from 'vitest';
import { compressionRate, compressionScore } from '../../subnets/vidaio/score-compression.ts';
import {
  finalUpscalingScore,
  lengthScore,
  qualityFromPieApp,
  upscalingScore,
} from '../../subnets/vidaio/score-upscaling.ts';

describe('vidaio compression score', () => {
  it('takes the size ratio only when the output is smaller', () => {
    expect(compressionRate(1000, 250)).toBe(0.25);
    expect(compressionRate(1000, 1000)).toBe(1);
    expect(compressionRate(0, 10)).toBe(1);
  });

  it('scores above the threshold: 70 % compression + 30 % quality, over 1.12', () => {
    // VMAF 95, threshold 89, rate 0.1 (10x):
    // quality = 0.7 + 0.3 * (95 - 89) / (100 - 89) = 0.7 + 0.3 * 6/11 = 0.863636...
    // compression = ((10 - 1.25) / 18.75)^0.9 = 0.466667^0.9 = 0.503624
    // score = (0.7 * 0.503624 + 0.3 * 0.863636) / 1.12 = (0.352537 + 0.259091) / 1.12 = 0.546096
    const s = compressionScore(95, 0.1, 89);
    expect(s.qualityComponent).toBeCloseTo(0.863636, 6);
    expect(s.compressionComponent).toBeCloseTo(0.503624, 6);
    expect(s.score).toBeCloseTo(0.546096, 6);
    expect(s.reason).toBe('success (excellent compression)');
  });

  it('scores the soft zone as compression x 0.7 position^2 over 1.12', () => {
    // threshold 89 -> hard cutoff 84; VMAF 86.5 -> position (86.5 - 84) / 5 = 0.5 -> factor 0.7 * 0.25 = 0.175
    // rate 0.2 (5x): compression = ((5 - 1) / 19)^1.5 = 0.210526^1.5 = 0.096596
    // score = 0.096596 * 0.175 / 1.12 = 0.015093
    const s = compressionScore(86.5, 0.2, 89);
    expect(s.qualityComponent).toBeCloseTo(0.175, 9);
    expect(s.compressionComponent).toBeCloseTo(0.096596, 6);
    expect(s.score).toBeCloseTo(0.015093, 6);
  });

  it('gives past 20x a logarithmic bonus and caps the score at 1', () => {
    // rate 0.025 (40x), VMAF 100, threshold 90: compression = 1 + 0.1 ln 2 = 1.069315, quality = 1.0
    // score = (0.7 * 1.069315 + 0.3) / 1.12 = 1.048520 / 1.12 = 0.936179 (under the cap)
    expect(compressionScore(100, 0.025, 90).score).toBeCloseTo(0.936179, 6);
    // rate 1e-9 (1e9 x): 1 + 0.1 ln(5e7) = 2.7728 -> (0.7 * 2.7728 + 0.3) / 1.12 > 1 -> capped at 1
    expect(compressionScore(100, 1e-9, 90).score).toBe(1);
  });

  it('scores 0 at rate >= 0.80 and below threshold - 5, saying why', () => {
    expect(compressionScore(99, 0.8, 89)).toEqual({
      score: 0,
      compressionComponent: 0,
      qualityComponent: 0,
      reason: 'no meaningful compression (rate 0.80, at least 1.25x needed)',
    });
    expect(compressionScore(83.99, 0.1, 89).reason).toBe('VMAF 83.99 below the hard cutoff 84.00');
  });
});

describe('vidaio upscaling score', () => {
  it('scores clip length on a log scale up to 320 s', () => {
    // ln 6 / ln 321 = 1.791759 / 5.771441 = 0.310453 ; ln 321 / ln 321 = 1
    expect(lengthScore(5)).toBeCloseTo(0.310453, 6);
    expect(lengthScore(320)).toBe(1);
  });

  it('maps PIE-APP 0 -> 1 and 2 -> 0 through the shaped sigmoid', () => {
    // shaped(x) = (1 - log10(sigmoid(x) + 1) / log10 3.5)^2.5: shaped(0) = 0.376199, shaped(2) = 0.173051,
    // shaped(1) = 0.236758 (sigmoid(1) = 0.731059) -> s_q(1) = 1 - (0.236758 - 0.376199) / (0.173051 - 0.376199) = 0.313600
    expect(qualityFromPieApp(0)).toBeCloseTo(1, 12);
    expect(qualityFromPieApp(2)).toBeCloseTo(0, 12);
    expect(qualityFromPieApp(1)).toBeCloseTo(0.3136, 4);
  });

  it('combines s_q and s_l into s_f = 0.1 exp(6.979 (s_pre - 0.5))', () => {
    // s_q 0.8, 5 s: s_pre = (0.8 + 0.310453) / 2 = 0.555226; s_f = 0.1 * exp(6.979 * 0.055226) = 0.1 * e^0.385425 = 0.147024
    expect(finalUpscalingScore(0.8, lengthScore(5))).toBeCloseTo(0.147024, 6);
    expect(upscalingScore(80, 0.8, 5).score).toBeCloseTo(0.147024, 6);
    // s_pre = 0.5 gives exactly 0.1
    expect(finalUpscalingScore(0.5, 0.5)).toBeCloseTo(0.1, 12);
  });

  it('scores 0 when VMAF / 100 is under the 0.5 gate', () => {
    expect(upscalingScore(49.9, 1, 10)).toEqual({
      score: 0,
      qualityScore: 0,
      lengthScore: 0,
      reason: 'VMAF 49.90 is too low',
    });
  });
});
