// QualityDetail: mean per synapse, what `inspect` found counted by outcome with the first lines named, and the quality
// measure labelled from the profile (a proxy or not); worked by hand.
import { describe, expect, it } from 'vitest';
import { inspectedParts, QualityDetail } from '../../harness/evaluate/quality-detail.ts';
import type { RequestRecord } from '../../harness/model/request-record.ts';

const rec = (i: number): RequestRecord => ({
  i,
  line: i + 1,
  warmup: false,
  intendedMs: 0,
  sentMs: 0,
  endMs: 1,
  status: 'ok',
  bytesIn: 0,
  bytesOut: 0,
});
const TITLES = { 'ssim-psnr': { title: 'SSIM/PSNR', proxy: true, note: 'not VMAF' } };

describe('QualityDetail', () => {
  it('splits the mean by synapse and counts outcomes and metrics', () => {
    const d = new QualityDetail();
    d.add('Up', 0.5, rec(0), { outcome: 'ok', reason: 'success', metric: 'ssim-psnr' });
    d.add('Cmp', 0.25, rec(1), { outcome: 'ok', reason: 'success', metric: 'ssim-psnr' });
    d.add('Cmp', 0, rec(2), {
      outcome: 'not-video',
      reason: 'the uploaded file (20 bytes) is not a video',
      metric: null,
    });
    d.add('Cmp', 0, rec(3), { outcome: 'clip-missing', reason: 'the clip answers 404', metric: null });
    d.add('Up', 0, rec(4), { inspectError: 'ffprobe died' });
    d.add('Cmp', 0, rec(5), undefined);
    expect(d.finish(TITLES)).toEqual({
      // Cmp: (0.25 + 0 + 0 + 0) / 4 = 0.0625 with 3 zeros; Up: (0.5 + 0) / 2 = 0.25 with 1 zero
      bySynapse: [
        { synapse: 'Cmp', scored: 4, mean: 0.0625, zero: 3 },
        { synapse: 'Up', scored: 2, mean: 0.25, zero: 1 },
      ],
      // ok first; then by count, ties by name; the answer with nothing inspected is not an outcome
      outcomes: [
        { outcome: 'ok', count: 2, first: [] },
        { outcome: 'clip-missing', count: 1, first: [{ i: 3, line: 4, reason: 'the clip answers 404' }] },
        { outcome: 'inspect-failed', count: 1, first: [{ i: 4, line: 5, reason: 'ffprobe died' }] },
        {
          outcome: 'not-video',
          count: 1,
          first: [{ i: 2, line: 3, reason: 'the uploaded file (20 bytes) is not a video' }],
        },
      ],
      metrics: [{ name: 'ssim-psnr', title: 'SSIM/PSNR', proxy: true, note: 'not VMAF', answers: 2 }],
    });
  });

  it('adds nothing for one synapse and no inspect, and names a metric the profile does not describe', () => {
    const one = new QualityDetail();
    one.add('Dummy', 1, rec(0), undefined);
    expect(one.finish(undefined)).toEqual({});
    const odd = new QualityDetail();
    odd.add('Dummy', 1, rec(0), { outcome: 'ok', metric: 'lpips' });
    expect(odd.finish(TITLES).metrics).toEqual([
      {
        name: 'lpips',
        title: 'lpips',
        proxy: false,
        note: "not described by the profile's qualityMetrics",
        answers: 1,
      },
    ]);
  });

  it('reads only the { outcome, reason, metric } convention', () => {
    expect(inspectedParts({ outcome: 'ok' })).toEqual({ outcome: 'ok', reason: '', metric: null });
    expect(inspectedParts({ ssim: 0.9 })).toBeNull();
    expect(inspectedParts('ok')).toBeNull();
    expect(inspectedParts(null)).toBeNull();
  });
});
