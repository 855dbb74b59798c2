// parseHelpQueryGpu: the set of field names (and aliases) a driver accepts, from `nvidia-smi --help-query-gpu`.

const FIELD_LINE = /^"[^"]+"(?:\s+or\s+"[^"]+")*\s*$/;

/** Every name the help lists, e.g. both 'clocks_event_reasons.active' and its alias 'clocks_throttle_reasons.active'. */
export function parseHelpQueryGpu(text: string): Set<string> {
  const names = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!FIELD_LINE.test(line)) continue;
    for (const m of line.matchAll(/"([^"]+)"/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}
