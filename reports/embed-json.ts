// embedJson: JSON for a <script type="application/json"> block, with <, U+2028 and U+2029 escaped (Lighthouse rule).

export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
