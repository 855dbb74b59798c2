// Tests of profile validation: the template profile passes; a broken one reports every problem at once.
import { describe, expect, it } from 'vitest';
import { replayProfile } from '../../harness/config/replay-profile.ts';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import { loadSubnet, listSubnetIds } from '../../harness/config/subnet-registry.ts';
import template from '../../subnets/template/profile.ts';
import type { MinerbenchError } from '../../harness/errors.ts';

describe('subnet profiles', () => {
  it('lists and loads the bundled template profile', async () => {
    expect(listSubnetIds()).toContain('template');
    const { profile } = await loadSubnet('template');
    expect(profile).toMatchObject({ id: 'template', netuid: 1, validator: { timeoutS: 12 } });
  });

  it('scores the template like its validator: 1 for twice the input, 0 otherwise and on timeout', () => {
    const q = { t: 0, synapse: 'Dummy', body: { dummy_input: 7 }, line: 1 };
    const record = {
      i: 0,
      line: 1,
      warmup: false,
      intendedMs: 0,
      sentMs: 0,
      endMs: 1,
      status: 'ok' as const,
      bytesIn: 0,
      bytesOut: 0,
    };
    expect(template.score({ query: q, response: { dummy_output: 14 }, record })).toBe(1);
    expect(template.score({ query: q, response: { dummy_output: 15 }, record })).toBe(0);
    expect(template.score({ query: q, response: null, record: { ...record, status: 'timeout' } })).toBe(0);
  });

  it('names every problem of a broken profile', () => {
    try {
      validateProfile('p.ts', {
        ...template,
        netuid: -1,
        miner: { ...template.miner, port: 'x', extra: 1 },
        score: 'twice the input',
      });
      throw new Error('expected an error');
    } catch (e) {
      const err = e as MinerbenchError;
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.details.join('\n')).toMatch(/p\.ts: netuid: .*\(got -1\)/);
      expect(err.details.join('\n')).toMatch(/p\.ts: miner\.port: /);
      expect(err.details.join('\n')).toMatch(/p\.ts: miner: .*extra/);
      expect(err.details.join('\n')).toMatch(/p\.ts: score: /);
    }
  });

  it('a replay profile without its miner, transport, queries, validator or score names each missing part', () => {
    const { miner: _m, score: _s, ...rest } = template;
    try {
      validateProfile('p.ts', rest);
      throw new Error('expected an error');
    } catch (e) {
      expect((e as MinerbenchError).details).toEqual([
        "p.ts: miner: required by workload 'replay' (the default)",
        "p.ts: score: required by workload 'replay' (the default)",
      ]);
    }
    // Another workload needs none of them (its own kind checks what it needs).
    expect(validateProfile('p.ts', { ...rest, workload: { kind: 'none' } }).id).toBe('template');
    expect(() => replayProfile(validateProfile('p.ts', { ...rest, workload: { kind: 'none' } }), 'p.ts')).toThrow(
      /runs the replay workload but has no miner, score/,
    );
  });
});
