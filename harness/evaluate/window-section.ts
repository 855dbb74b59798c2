// windowSection: a window workload's result section from what COLLECT kept (the windows seen, the uploads listed and
// their files): unique units per window, duplicates dropped, empty, late, stray and unreadable files named, energy per
// window and the spread, and why the measurement is not valid when it is not. Pure (files come through `read`).
import type { UploadEntry } from '../model/uploads-listing.ts';
import type { WindowRow, WindowSection } from '../model/result/window-section.ts';
import type { WindowRun } from '../model/window-run.ts';
import { powerPerWindow, windowSummary, type WindowPower, type WindowSpan } from './window-power.ts';
import { countWindowUnits, type ParsedWindowFile, type WindowCount, type WindowFile } from './window-units.ts';

/** The GPU sampler's artifact, as powerPerWindow reads it. */
export type WindowTrace = Parameters<typeof powerPerWindow>[0];

export interface WindowSectionInput {
  run: WindowRun;
  /** The sink's uploads (the last one of each key: what is on disk). */
  uploads: readonly UploadEntry[];
  /** An upload's text by its file (relative to the uploads folder); null when it is not there. */
  read(file: string): string | null;
  parse(key: string, text: string): ParsedWindowFile;
  unit: string;
  reference: WindowSection['reference'];
  /** GPU samples, when the miner had GPUs; energy per window needs them. */
  power: { trace: WindowTrace; maxIntervalMs: number } | null;
}

export interface WindowEvaluation {
  section: WindowSection;
  invalid: string[];
  /** What the capped-power law prices. */
  measure: { unitsPerWindowMean: number; windows: number; windowSeconds: number };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function windowSection(i: WindowSectionInput): WindowEvaluation {
  const { run } = i;
  const windowMs = (run.windowBlocks * run.clock.blockSeconds * 1000) / run.clock.speed;
  const deadlineMs = (w: { endMs: number }) =>
    w.endMs + (run.graceBlocks * run.clock.blockSeconds * 1000) / run.clock.speed;
  const complete = run.measured.filter((w) => w.complete);
  const cut = run.measured.filter((w) => !w.complete && w.startMs < run.waitedUntilMs);
  const byWindow = new Map(run.measured.map((w) => [w.window, w]));

  const files: WindowFile[] = [];
  const unreadable: WindowSection['unreadable'] = [];
  const late: Array<{ key: string; window: number }> = [];
  for (const u of i.uploads) {
    const text = i.read(u.file);
    if (text === null) {
      unreadable.push({ key: u.key, problem: 'listed as uploaded but not in the uploads folder (deleted afterwards)' });
      continue;
    }
    const p = i.parse(u.key, text);
    if (!p.ok) {
      unreadable.push({ key: u.key, problem: p.problem });
      continue;
    }
    const w = byWindow.get(p.file.window);
    if (w && u.t > deadlineMs(w)) late.push({ key: u.key, window: p.file.window });
    else files.push(p.file);
  }
  const counted = countWindowUnits(
    files,
    complete.map((w) => w.window),
  );
  const seen = [run.warmup, ...run.measured].map((w) => w.window);
  const outside = [...countWindowUnits(files, seen).outside, ...late.map((l) => ({ key: l.key, window: l.window }))];
  const partialSpans = [
    { ...run.warmup, why: 'in progress when the miner came up (warm-up)' },
    ...cut.map((w) => ({
      ...w,
      endMs: Math.min(w.endMs, run.waitedUntilMs),
      why: `cut short: ${run.stoppedEarly ?? 'the run stopped'}`,
    })),
  ];
  const partialCounts = countWindowUnits(
    files,
    partialSpans.map((w) => w.window),
  ).perWindow;

  const spans: WindowSpan[] = [...complete, ...partialSpans].map((w) => ({
    window: w.window,
    startMs: w.startMs,
    endMs: w.endMs,
  }));
  const power = i.power ? powerPerWindow(i.power.trace, spans, i.power.maxIntervalMs) : null;
  const powerOf = (k: number): WindowPower | null => power?.[k] ?? null;
  const row = (c: WindowCount, w: { startMs: number; endMs: number }, p: WindowPower | null): WindowRow => ({
    ...c,
    startS: r3(w.startMs / 1000),
    endS: r3(w.endMs / 1000),
    joules: p && p.meanW !== null ? r3(p.joules) : null,
    meanW: p?.meanW ?? null,
    unitsPerJoule: p && p.meanW !== null && p.joules > 0 ? r6(c.unique / p.joules) : null,
  });
  const measured = counted.perWindow.map((c, k) => row(c, complete[k]!, powerOf(k)));
  const partial = partialCounts.map((c, k) => ({
    ...row(c, partialSpans[k]!, powerOf(complete.length + k)),
    why: partialSpans[k]!.why,
  }));
  const s = windowSummary(counted.perWindow, power ? power.slice(0, complete.length) : null);
  const chainWindowSeconds = run.windowBlocks * run.clock.blockSeconds;

  const invalid: string[] = [];
  if (run.clock.speed !== 1)
    invalid.push(
      `the block clock ran ${run.clock.speed}x faster than the chain: a window lasted ${r3(windowMs / 1000)} s instead of ${chainWindowSeconds} s, so units per window are not what this machine makes in a real window (run with --block-speed 1)`,
    );
  if (!complete.length)
    invalid.push(
      `no full window was measured (${run.stoppedEarly ?? 'the run stopped first'}): nothing to count units per window over`,
    );
  else if (counted.empty.length === complete.length)
    invalid.push(
      `no upload arrived for any of the ${complete.length} measured windows: the miner produced nothing the validator could count (see the miner log)`,
    );
  return {
    section: {
      unit: i.unit,
      windowBlocks: run.windowBlocks,
      blockSeconds: run.clock.blockSeconds,
      speed: run.clock.speed,
      chainWindowSeconds,
      runWindowSeconds: r3(windowMs / 1000),
      measured,
      partial,
      empty: counted.empty,
      outside,
      unreadable,
      duplicates: counted.duplicates,
      summary: {
        windows: s.windows,
        unitsPerWindowMean: r6(s.unitsPerWindowMean),
        minUnits: s.minUnits,
        maxUnits: s.maxUnits,
        spread: r6(s.spread),
        unitsPerJoule: s.unitsPerJoule === null ? null : r6(s.unitsPerJoule),
      },
      reference: i.reference,
    },
    invalid,
    measure: { unitsPerWindowMean: r6(s.unitsPerWindowMean), windows: s.windows, windowSeconds: chainWindowSeconds },
  };
}
