// terminalText: escape payloads that retitle, clear or recolour a terminal, or reorder text, are printed inert.
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../harness/cli/terminal-text.ts';

describe('terminalText', () => {
  it('escapes the usual escape payloads', () => {
    expect(terminalText('\u001b]0;pwned\u0007name')).toBe('\\x1b]0;pwned\\x07name'); // window title (OSC 0)
    expect(terminalText('\u001b[2J\u001b[Hclear')).toBe('\\x1b[2J\\x1b[Hclear'); // clear screen, cursor home
    expect(terminalText('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m'); // colour
    expect(terminalText('a\rb\bc')).toBe('a\\x0db\\x08c'); // carriage return and backspace overwrite text
    expect(terminalText('\u009b31m')).toBe('\\x9b31m'); // the 8-bit CSI
    expect(terminalText('evil\u202egnp.exe')).toBe('evil\\u202egnp.exe'); // right-to-left override
  });

  it('keeps newlines and tabs in multi-line text only', () => {
    expect(terminalText('a\nb\tc')).toBe('a\\x0ab\\x09c');
    expect(terminalText('a\nb\tc\u001b[K', { multiline: true })).toBe('a\nb\tc\\x1b[K');
  });

  it('leaves ordinary text, accents and emoji as they are', () => {
    expect(terminalText('SN64 Chutes — τ 😀')).toBe('SN64 Chutes — τ 😀');
  });
});
