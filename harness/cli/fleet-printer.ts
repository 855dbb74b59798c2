// fleetPrinter: turns machine events into stderr lines, one prefix per machine (plain lines: machines interleave).
import { progressPrinter } from './progress-printer.ts';
import type { RunEvent } from '../model/run-events.ts';
import type { MachineEvent } from '../fleet/machine-outcome.ts';

export function fleetPrinter(write: (s: string) => void): (e: MachineEvent) => void {
  const printers = new Map<string, (e: RunEvent) => void>();
  return (e) => {
    if (e.type === 'status') write(`[${e.machine}] ${e.text}\n`);
    else if (e.type === 'run') {
      const label = `${e.machine} ${e.key}`;
      if (!printers.has(label)) printers.set(label, progressPrinter(write, false, label));
      printers.get(label)!(e.event);
    } else {
      const j = e.job;
      write(
        `[${e.machine}] ${j.key}: ${j.status}${j.verdict ? ` ${j.verdict}` : ''}${j.runId ? ` run ${j.runId}` : ''}${j.error ? ` (${j.error.code}: ${j.error.message})` : ''}\n`,
      );
    }
  };
}
