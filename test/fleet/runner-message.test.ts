// RunnerMessage lines: what the runner writes round-trips; anything else on stdout is ignored, never a crash.
import { describe, expect, it } from 'vitest';
import { encodeRunnerMessage, parseRunnerLine } from '../../harness/fleet/runner-message.ts';

describe('runner messages', () => {
  it('round-trips a job end', () => {
    const m = {
      t: 'job-end',
      key: 'template/smoke/1',
      runId: '20261120-010203-template-ab12',
      status: 'completed',
      verdict: 'VALID',
    } as const;
    const line = encodeRunnerMessage(m);
    expect(line.endsWith('\n')).toBe(true);
    expect(parseRunnerLine(line.trimEnd())).toEqual(m);
  });

  it('ignores stray output and broken JSON', () => {
    expect(parseRunnerLine('(node:1) Warning: something')).toBeNull();
    expect(parseRunnerLine('@minerbench {"t":')).toBeNull();
    expect(parseRunnerLine('@minerbench 42')).toBeNull();
  });
});
