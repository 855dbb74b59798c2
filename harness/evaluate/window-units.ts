// countWindowUnits: accepted units per window from the uploads (unique by content hash; duplicates dropped, counted). Pure.

/** One uploaded window file as the plugin parsed it: the window it claims and a content hash per unit inside. */
export interface WindowFile {
  window: number;
  key: string;
  unitHashes: string[];
}

/** What a plugin's parser makes of one uploaded file: its window and unit hashes, or why it is not a window file. */
export type ParsedWindowFile = { ok: true; file: WindowFile } | { ok: false; key: string; problem: string };

export interface WindowCount {
  window: number;
  files: number;
  /** Units in the window's files, duplicates included. */
  units: number;
  /** Distinct unit hashes: what the validator counts. */
  unique: number;
  /** units - unique. */
  duplicates: number;
}

export interface WindowUnits {
  perWindow: WindowCount[];
  /** Measured windows with no upload at all (each counts 0). */
  empty: number[];
  /** Files whose window is not one of the measured windows (too early, too late, or a wrong number). */
  outside: Array<{ key: string; window: number }>;
  duplicates: number;
}

/** Counts per measured window; a window without a file counts 0 and is named in `empty`. */
export function countWindowUnits(files: readonly WindowFile[], windows: readonly number[]): WindowUnits {
  const measured = new Set(windows);
  const perWindow: WindowCount[] = [];
  const outside = files.filter((f) => !measured.has(f.window)).map((f) => ({ key: f.key, window: f.window }));
  let duplicates = 0;
  for (const w of windows) {
    const mine = files.filter((f) => f.window === w);
    const seen = new Set<string>();
    let units = 0;
    for (const f of mine)
      for (const h of f.unitHashes) {
        units++;
        seen.add(h);
      }
    perWindow.push({ window: w, files: mine.length, units, unique: seen.size, duplicates: units - seen.size });
    duplicates += units - seen.size;
  }
  return { perWindow, empty: perWindow.filter((c) => c.files === 0).map((c) => c.window), outside, duplicates };
}
