// progressPrinter: turns run events into stderr output: one live line on a terminal, plain lines elsewhere (CI, cron).
import type { RunEvent } from '../run/run-events.ts';

export function progressPrinter(write: (s: string) => void, isTTY: boolean, label: string): (e: RunEvent) => void {
  let live = false;
  let lastPlain = 0;
  const clear = () => {
    if (live) write('\r\x1b[2K');
    live = false;
  };
  return (e) => {
    if (e.type === 'phase') {
      clear();
      write(`[${label}] ${e.phase}${e.detail ? `: ${e.detail}` : ''}\n`);
    } else if (e.type === 'warning') {
      clear();
      write(`[${label}] warning: ${e.message}\n`);
    } else {
      const pct = e.total ? ` (${Math.round((100 * e.done) / e.total)}%)` : '';
      const eta = e.remainingS === null ? '' : `, ~${e.remainingS.toFixed(0)} s left`;
      const text = `[${label}] ${e.done}${e.total ? `/${e.total}` : ''} queries${pct}, ${e.okQps.toFixed(1)} q/s, ${e.elapsedS.toFixed(1)} s elapsed${eta}`;
      if (isTTY) {
        write(`\r\x1b[2K${text}`);
        live = true;
      } else if (e.elapsedS - lastPlain >= 5 || e.done === e.total) {
        lastPlain = e.elapsedS;
        write(`${text}\n`);
      }
    }
  };
}
