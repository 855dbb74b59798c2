// answerLines: what a finished run prints: the verdict, eligibility, then the answer by the subnet's law (net per day
// with its range, or the gross when no net can be had, and why), on priced run folders evaluated by the real hooks.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerLines } from '../../harness/cli/answer-lines.ts';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import lium from '../../subnets/lium/profile.ts';
import { evaluateDir, HAVE_H100_TRACE } from '../support/golden-runs.ts';
import { liumRunDir, RUN_END, templateRunOn2026 } from '../support/priced-runs.ts';
import { SHARED_FIXTURES_DIR } from '../support/shared-fixtures.ts';

const LIUM = validateProfile('subnets/lium/profile.ts', lium);
const HAVE = HAVE_H100_TRACE && existsSync(path.join(SHARED_FIXTURES_DIR, 'gpu/xml/k8s-test-infra/qx-t4.xml'));
if (!HAVE) console.warn('skipped: the nvidia-smi recordings are not in ../shared/fixtures/gpu');
const prices = { taoPrice: { value: 400, currency: 'USD', at: RUN_END }, kwhPrice: { value: 0.1, currency: 'USD' } };

describe.skipIf(!HAVE)('answerLines', () => {
  it('an eligible lium node: eligible, then the gross in USD with its range (no power sampled, so no net)', () => {
    const lines = answerLines(evaluateDir(liumRunDir({ prices }), LIUM));
    expect(lines[0]).toBe('VALID: stress: fp16 then fp32 matrix multiplies for 40 s');
    expect(lines[1]).toBe('eligible: yes (3 gates passed; not blocking: NVIDIA driver version no)');
    // 0.2 x 0.1 x 8/72 x 2,952.0165 alpha x 0.0702027 TAO x 400 USD = 184.21 USD per day
    expect(lines[2]).toMatch(
      /^earns here: gross 184\.21 USD\/day \(range [\d.,]+ \.\. [\d.,]+\) \(net unknown: see missing\) by the hardware-rate law/,
    );
    expect(lines).toContain('  the range comes mostly from: othersOfClass, fieldFactor, collateral, sysbox');
    expect(lines).toContain('  missing: no power measurement on this machine: power cost unknown, so no net');
  });

  it('a T4: NOT eligible with the reason, and the answer says so', () => {
    const lines = answerLines(evaluateDir(liumRunDir({ xml: 'xml/k8s-test-infra/qx-t4.xml', prices }), LIUM));
    expect(lines[1]).toMatch(/^eligible: NO: GPU model is in the subnet's table: no \(requires one of /);
    expect(lines[2]).toMatch(/^earns here: gross 0 USD\/day .* by the hardware-rate law .*, but NOT eligible$/);
  });

  it('the template with its measured power and prices: the net, from its low end up (no top without per-UID pay)', () => {
    const r = evaluateDir(templateRunOn2026(prices));
    const net = r.earnings!.net.fiatPerDay;
    const lines = answerLines(r);
    const f = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(lines).toContain(
      `earns here: net ${f(net.value!)} USD/day (range ${f(net.low!)} and up) by the quality-share law (Quality share (the pay of the miner at this quality rank))`,
    );
  });
});
