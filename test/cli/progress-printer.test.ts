// Tests run progress on stderr: plain lines (phase, done of total, rate, elapsed, remaining) off a terminal, a bar on one.
import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../harness/cli/progress-printer.ts';

/** ANSI control sequences (colours, cursor moves) that cli-progress writes to a terminal. */
const ANSI = new RegExp(String.raw`\u001b\[[0-9;?]*[A-Za-z]`, 'g');

const progress = (done: number, elapsedS: number, total: number | null = 220) => ({
  type: 'progress' as const,
  done,
  total,
  okQps: 40,
  elapsedS,
  remainingS: total === null ? 30 - elapsedS : (220 - done) / 40,
});

describe('progressPrinter', () => {
  it('prints plain lines every 5 s and at the end when stderr is not a terminal', () => {
    let text = '';
    const p = progressPrinter((s) => void (text += s), false, 'template');
    p({ type: 'phase', phase: 'measure', detail: '20 warm-up + 200 queries' });
    for (const [done, t] of [
      [20, 0.5],
      [40, 1],
      [200, 5.5],
      [210, 5.8],
      [220, 6],
    ] as const)
      p(progress(done, t));
    p({ type: 'warning', message: 'slow start' });
    p.close();
    expect(text).toBe(
      [
        '[template] measure: 20 warm-up + 200 queries',
        '[template] measure: 20/220 queries (9%), 40.0 q/s, 1s elapsed, ~5s left',
        '[template] measure: 200/220 queries (91%), 40.0 q/s, 6s elapsed, ~1s left',
        '[template] measure: 220/220 queries (100%), 40.0 q/s, 6s elapsed, ~0s left',
        '[template] warning: slow start',
        '',
      ].join('\n'),
    );
  });

  it('draws a bar with phase, count, rate, elapsed and remaining on a terminal, and ends it at the next phase', () => {
    let text = '';
    const p = progressPrinter((s) => void (text += s), true, 'template', { columns: 160 });
    p({ type: 'phase', phase: 'measure' });
    p(progress(110, 2.75));
    p({ type: 'phase', phase: 'evaluate' });
    p.close();
    const plain = text.replace(ANSI, '');
    expect(plain).toContain('[template] measure ');
    expect(plain).toMatch(/110\/220 queries \| 110 done \| 40\.0 q\/s \| 3s elapsed \| ~3s left/);
    expect(plain.trimEnd().endsWith('[template] evaluate')).toBe(true);
  });

  it('fills the bar with seconds for a timed run', () => {
    let text = '';
    const p = progressPrinter((s) => void (text += s), true, 'template', { columns: 160 });
    p(progress(300, 10, null));
    p.close();
    expect(text.replace(ANSI, '')).toMatch(/10\/30 s \| 300 done/);
  });
});
