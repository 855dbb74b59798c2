// fleetPrinter: turns machine events into stderr lines, one prefix per machine (plain lines: machines interleave).
import { progressPrinter } from './progress-printer.ts';
import type { RunEvent } from '../model/run-events.ts';
import type { MachineEvent } from '../fleet/machine-outcome.ts';
import { terminalText as t } from './terminal-text.ts';

export function fleetPrinter(write: (s: string) => void): (e: MachineEvent) => void {
  const printers = new Map<string, (e: RunEvent) => void>();
  return (e) => {
    // Status text and job errors come from the runner on each machine (engine and miner messages): escaped.
    if (e.type === 'status') write(`[${t(e.machine)}] ${t(e.text)}\n`);
    else if (e.type === 'run') {
      const label = `${e.machine} ${e.key}`;
      if (!printers.has(label)) printers.set(label, progressPrinter(write, false, label));
      printers.get(label)!(e.event);
    } else {
      const j = e.job;
      write(
        `[${t(e.machine)}] ${t(j.key)}: ${t(j.status)}${j.verdict ? ` ${t(j.verdict)}` : ''}${j.runId ? ` run ${t(j.runId)}` : ''}${j.error ? ` (${t(j.error.code)}: ${t(j.error.message)})` : ''}\n`,
      );
    }
  };
}
