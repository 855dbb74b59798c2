// eligibilityVerdict on hand-made verdicts: passed gates counted, non-blocking failures named, reasons when not eligible.
import { describe, expect, it } from 'vitest';
import { eligibilityVerdict } from '../../harness/cli/eligibility-verdict.ts';
import { eligibilityOf, type GateResult } from '../../harness/model/result/eligibility-section.ts';

const gate = (over: Partial<GateResult>): GateResult => ({
  gate: 'nvenc',
  label: 'hardware video encoder (NVENC)',
  required: 'NVENC on every GPU',
  measured: 'NVIDIA H100 80GB HBM3: no',
  pass: false,
  blocking: true,
  source: 'known-model table',
  ...over,
});

describe('eligibilityVerdict', () => {
  it('counts the blocking gates that passed and names the failures that do not block', () => {
    const el = eligibilityOf([
      gate({ gate: 'min-gpus', label: 'at least 1 GPU', pass: true }),
      gate({ blocking: false, note: 'binds the compression pool only; this machine is priced in upscaling' }),
      gate({ gate: 'driver', label: 'NVIDIA driver version', pass: null, blocking: false }),
    ]);
    expect(eligibilityVerdict(el)).toBe(
      'eligible: yes (1 gates passed; not blocking: hardware video encoder (NVENC) no; NVIDIA driver version unknown)',
    );
  });

  it('not eligible: the reasons of the failing blocking gates', () => {
    expect(eligibilityVerdict(eligibilityOf([gate({})]))).toBe(
      'eligible: NO: hardware video encoder (NVENC): no (requires NVENC on every GPU; this machine: NVIDIA H100 80GB HBM3: no)',
    );
  });
});
