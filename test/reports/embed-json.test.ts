// Tests of embedJson and the report page's safety: no way out of the data block, a CSP that forbids the network.
import { describe, expect, it } from 'vitest';
import { embedJson } from '../../reports/embed-json.ts';
import { generateReport } from '../../reports/generate-report.ts';

describe('embedJson', () => {
  it('escapes <, U+2028 and U+2029 and still parses to the same value', () => {
    const v = { name: '</script><script>alert(1)</script>', ls: 'a\u2028b\u2029c' };
    const text = embedJson(v);
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(v);
  });
});

describe('generateReport', () => {
  it('embeds the data once, escaped, under a CSP with hashed script and style and no network', () => {
    const html = generateReport('run', { title: '<img src=x onerror=alert(1)>' }, 'a <b> title');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<title>a &lt;b&gt; title</title>');
    expect(html.match(/id="minerbench-data"/g)).toHaveLength(1);
  });
});
