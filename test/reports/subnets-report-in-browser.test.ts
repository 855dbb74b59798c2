// The strategist's table as HTML in a real headless Chromium from file://: no request, no console error, every column
// sorts both ways (nulls last), and a hostile on-chain subnet name stays inert text.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultSnapshot } from '../../harness/chain/default-snapshot.ts';
import { strategistTable } from '../../harness/evaluate/strategist-table.ts';
import { subnetsReportHtml } from '../../reports/subnets-report-html.ts';
import { launchChromium, openReport, screenshot } from './support/report-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function page() {
  const snap = await loadDefaultSnapshot();
  snap.subnets[1]!.name = '<img src=x onerror="window.__pwned=1"></td><script>window.__pwned=2</script>';
  const table = strategistTable(snap, {
    plugins: new Map([[1, { ids: ['template'], shape: 'bittensor-synapse, 0 GPUs', law: null }]]),
    eligibility: new Map([[1, { eligible: true, runs: 1, machines: ['gpu-01'], latestRun: 'r1' }]]),
  });
  const html = subnetsReportHtml(table, {
    origin: 'snapshot shipped with minerbench',
    age: 'block 8,791,253 of 2026-08-07T08:35:00.000Z (capture time), 110 days old',
    warnings: ['using the snapshot shipped with minerbench'],
    taoPrice: { value: 400, currency: 'USD', at: '2026-11-25T00:00:00Z' },
  });
  return openReport(browser, 'subnets', html, 1600);
}

describe('subnets report in Chromium', () => {
  it('opens from file:// with no request and no console error, one row per subnet, the rules shown', async () => {
    const o = await page();
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([o.url]);
    expect(await o.page.locator('table.subnets-table tbody tr').count()).toBe(128);
    expect(await o.page.locator('#verdict-rules li').count()).toBe(3);
    expect(await o.page.locator('#subnets-source').innerText()).toContain('128 subnets (');
    expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await o.page.locator('main img, main script').count()).toBe(0);
    expect(await o.page.locator('table.subnets-table').innerText()).toContain('<img src=x onerror=');
    await screenshot(o.page, 'subnets');
    await o.page.close();
  });

  it('sorts by every column, both ways, nulls last', async () => {
    const o = await page();
    const headers = o.page.locator('table.subnets-table thead th');
    const n = await headers.count();
    expect(n).toBe(31); // 30 columns, and the pool in USD with --tao-price
    for (let k = 0; k < n; k++) {
      const th = headers.nth(k);
      for (const dir of ['asc', 'desc'] as const) {
        await th.click();
        expect(await th.getAttribute('data-sort')).toBe(dir);
        const values = await o.page.evaluate(
          (col) =>
            Array.from(document.querySelectorAll('table.subnets-table tbody tr')).map((tr) =>
              tr.children[col]!.querySelector('span[data-v]')!.getAttribute('data-v')!,
            ),
          k,
        );
        const present = values.filter((v) => v !== '');
        // nulls (empty data-v) come after every value
        expect(values.slice(present.length).every((v) => v === '')).toBe(true);
        const numeric = present.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
        for (let i = 1; i < present.length; i++) {
          const a = present[i - 1]!;
          const b = present[i]!;
          const c = numeric ? Number(a) - Number(b) : a.localeCompare(b);
          if (dir === 'asc') expect(c, `column ${k} ascending at row ${i}`).toBeLessThanOrEqual(0);
          else expect(c, `column ${k} descending at row ${i}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
    await o.page.close();
  }, 120_000);
});
