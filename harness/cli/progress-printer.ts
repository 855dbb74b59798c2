// progressPrinter: run events on stderr: cli-progress bars on a terminal (one per concurrent run), plain lines elsewhere (CI, cron).
import cliProgress from 'cli-progress';
import type { RunEvent } from '../model/run-events.ts';
import { terminalText } from './terminal-text.ts';

export interface ProgressOptions {
  /** Terminal width for the bars; default 100. */
  columns?: number;
  /** Seconds between plain lines when stderr is not a terminal; default 5. */
  plainEveryS?: number;
}

type ProgressEvent = Extract<RunEvent, { type: 'progress' }>;
type Write = (s: string) => void;

const clock = (s: number | null) =>
  s === null || !Number.isFinite(s)
    ? '?'
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${s.toFixed(0)}s`;

/** The plain-text form of a progress event: phase, queries done of total, rate, elapsed and remaining. */
export function progressLine(label: string, phase: string, e: ProgressEvent): string {
  const pct = e.total ? ` (${Math.round((100 * e.done) / e.total)}%)` : '';
  const left = e.remainingS === null ? '' : `, ~${clock(e.remainingS)} left`;
  return `[${terminalText(label)}] ${phase}: ${e.done}${e.total ? `/${e.total}` : ''} queries${pct}, ${e.okQps.toFixed(1)} q/s, ${clock(e.elapsedS)} elapsed${left}`;
}

/** Runs measured at once (GPU subnets in parallel) share one MultiBar per output, so their bars do not overwrite each other. */
const shared = new Map<Write, { multi: cliProgress.MultiBar; bars: number }>();

function multiFor(write: Write, columns: number) {
  let s = shared.get(write);
  if (!s) {
    const stream = { isTTY: true, columns, write: (t: string) => (write(t), true) } as unknown as NodeJS.WritableStream;
    s = {
      multi: new cliProgress.MultiBar(
        {
          stream,
          format:
            '[{label}] {phase} {bar} {value}/{total} {unit} | {done} done | {rate} q/s | {elapsed} elapsed | ~{remaining} left',
          barsize: 24,
          hideCursor: false,
          clearOnComplete: false,
          stopOnComplete: false,
          linewrap: false,
          fps: 5,
          autopadding: true,
        },
        cliProgress.Presets.shades_classic,
      ),
      bars: 0,
    };
    shared.set(write, s);
  }
  return s;
}

/** The sink; close() removes its bar (call it when the run ends, however it ends). */
export function progressPrinter(
  write: Write,
  isTTY: boolean,
  label: string,
  opts: ProgressOptions = {},
): ((e: RunEvent) => void) & { close(): void } {
  // Labels, phase details and warnings carry subnet ids, image names, miner and engine messages: escaped for the terminal.
  const safeLabel = terminalText(label);
  let phase = 'start';
  let lastPlain = -Infinity;
  let bar: cliProgress.SingleBar | null = null;
  const say = (line: string) => {
    const s = shared.get(write);
    if (s && s.bars > 0) s.multi.log(`${line}\n`);
    else write(`${line}\n`);
  };
  const removeBar = () => {
    const s = shared.get(write);
    if (!bar || !s) return;
    if (--s.bars === 0) {
      // The last bar stays on screen with its final numbers.
      s.multi.update();
      s.multi.stop();
      shared.delete(write);
    } else {
      s.multi.remove(bar);
    }
    bar = null;
  };
  const showBar = (e: ProgressEvent) => {
    // A timed run (no query total) fills its bar with seconds; a counted one with queries.
    const [value, total] = e.total
      ? [e.done, e.total]
      : [Math.round(e.elapsedS), Math.max(1, Math.round(e.elapsedS + (e.remainingS ?? 0)))];
    const payload = {
      label: safeLabel,
      phase,
      done: e.done,
      rate: e.okQps.toFixed(1),
      elapsed: clock(e.elapsedS),
      remaining: clock(e.remainingS),
      unit: e.total ? 'queries' : 's',
    };
    if (!bar) {
      const s = multiFor(write, opts.columns ?? 100);
      bar = s.multi.create(total, value, payload);
      s.bars++;
    } else {
      bar.setTotal(total);
      bar.update(value, payload);
    }
  };
  const sink = (e: RunEvent) => {
    if (e.type === 'phase') {
      removeBar();
      phase = e.phase;
      say(`[${safeLabel}] ${e.phase}${e.detail ? `: ${terminalText(e.detail)}` : ''}`);
    } else if (e.type === 'warning') {
      say(`[${safeLabel}] warning: ${terminalText(e.message, { multiline: true })}`);
    } else if (isTTY) {
      showBar(e);
    } else if (e.elapsedS - lastPlain >= (opts.plainEveryS ?? 5) || (e.total !== null && e.done === e.total)) {
      lastPlain = e.elapsedS;
      write(`${progressLine(label, phase, e)}\n`);
    }
  };
  return Object.assign(sink, { close: removeBar });
}
