// The printers escape what miners, builds, machines and the chain wrote: the usual payloads come out inert.
import { describe, expect, it } from 'vitest';
import { fleetPrinter } from '../../harness/cli/fleet-printer.ts';
import { formatError } from '../../harness/cli/print-error.ts';
import { progressPrinter } from '../../harness/cli/progress-printer.ts';
import { MinerbenchError } from '../../harness/errors.ts';

const TITLE = '\u001b]0;pwned\u0007'; // retitles the window
const CLEAR = '\u001b[2J\u001b[H'; // clears the screen
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u;

describe('printers escape untrusted text', () => {
  it('formatError: message, each detail line (miner log, build log) and hint', () => {
    const e = new MinerbenchError('MINER_NOT_READY', `the miner never became ready ${TITLE}`, {
      details: [`miner: ${CLEAR}loading`, 'build: Step 3/4 : RUN false\rERROR'],
      hint: `see ${TITLE}`,
    });
    const text = formatError(e);
    expect(text).toBe(
      [
        'minerbench: error MINER_NOT_READY: the miner never became ready \\x1b]0;pwned\\x07',
        '  miner: \\x1b[2J\\x1b[Hloading',
        '  build: Step 3/4 : RUN false\\x0dERROR',
        '  fix: see \\x1b]0;pwned\\x07',
        '  (exit code 12)',
        '',
      ].join('\n'),
    );
  });

  it('progressPrinter: the phase detail and warnings', () => {
    let text = '';
    const p = progressPrinter((s) => void (text += s), false, 'template');
    p({ type: 'phase', phase: 'build', detail: `docker: ./miner${CLEAR}` });
    p({ type: 'warning', message: `could not remove the miner: ${TITLE}gone` });
    p.close();
    expect(text).toBe(
      '[template] build: docker: ./miner\\x1b[2J\\x1b[H\n[template] warning: could not remove the miner: \\x1b]0;pwned\\x07gone\n',
    );
  });

  it('fleetPrinter: status lines and job errors from the machines', () => {
    let text = '';
    const p = fleetPrinter((s) => void (text += s));
    p({ type: 'status', machine: 'gpu-1', text: `runner says ${CLEAR}hi` });
    p({
      type: 'job-end',
      machine: 'gpu-1',
      job: {
        key: 'template/quick',
        subnet: 'template',
        scenario: 'quick',
        repeat: 1,
        runId: null,
        status: 'failed',
        error: { code: 'MINER_NOT_READY', message: `never ready \u202egnp.exe` },
        endedAt: '2026-11-21T02:00:00Z',
      },
    });
    expect(text).not.toMatch(RAW);
    expect(text).toBe(
      '[gpu-1] runner says \\x1b[2J\\x1b[Hhi\n[gpu-1] template/quick: failed (MINER_NOT_READY: never ready \\u202egnp.exe)\n',
    );
  });
});
