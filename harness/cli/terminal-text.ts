// terminalText: text from miners, builds, captures or the chain made inert for a terminal (control characters escaped).

/**
 * C0 and C1 controls, DEL, and the Unicode bidirectional overrides and isolates: anything that can move the cursor,
 * retitle the window, recolour output or reorder what the user sees. Tab and newline are kept only in multi-line text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function escape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** Escapes every control character; keeps newlines and tabs when `multiline` (log tails), else escapes them too. */
export function terminalText(text: string, opts: { multiline?: boolean } = {}): string {
  return text.replace(opts.multiline ? UNSAFE : UNSAFE_SINGLE_LINE, escape);
}
