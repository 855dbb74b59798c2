// Tests of the inference-openai plugin's score: token F1 against the reference answer, with literal values.
import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../subnets/inference-openai/score-answer.ts';
import profile from '../../subnets/inference-openai/profile.ts';

describe('inference-openai score', () => {
  it('is 1 for the same words, partial F1 for some, 0 for none or no answer', () => {
    expect(scoreAnswer('12,345', '12345')).toBe(0);
    expect(scoreAnswer('The miner streams tokens.', 'the miner streams tokens')).toBe(1);
    expect(scoreAnswer('the miner streams', 'the miner streams tokens back')).toBe(0.75);
    expect(scoreAnswer('nothing alike', 'the miner')).toBe(0);
    expect(scoreAnswer(undefined, 'x')).toBe(0);
  });
  it('scores a failed query 0 through the profile', () => {
    const query = { t: 0, synapse: '/v1/chat/completions', body: {}, line: 1, reference: '42' };
    const record = {
      i: 0,
      line: 1,
      warmup: false,
      intendedMs: 0,
      sentMs: 0,
      endMs: 1,
      status: 'timeout' as const,
      bytesIn: 0,
      bytesOut: 0,
    };
    expect(profile.score({ query, response: null, record })).toBe(0);
    expect(profile.score({ query, response: { text: '42' }, record: { ...record, status: 'ok' } })).toBe(1);
  });
});
