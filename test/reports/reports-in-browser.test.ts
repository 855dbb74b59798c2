// Opens each report kind in a real headless Chromium from file://: no console error, no request, the numbers, sorting, inert payloads.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itShared } from '../support/describe-shared.ts';
import { indexedRunOf } from '../../harness/results/indexed-run-of.ts';
import { compareReportHtml } from '../../reports/compare-report-html.ts';
import { runReportHtml } from '../../reports/run-report-html.ts';
import { trendReportHtml } from '../../reports/trend-report-html.ts';
import { fleetResults, nightlyResults, readGolden } from '../fixtures/results/synthetic-results.ts';
import { launchChromium, openReport, screenshot, type OpenedReport } from './support/report-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function expectClean(o: OpenedReport): void {
  expect(o.problems).toEqual([]);
  expect(o.requests).toEqual([o.url]);
}

const text = (o: OpenedReport, sel: string) => o.page.locator(sel).first().innerText();

describe('reports in Chromium', () => {
  itShared(
    'run report of a GPU run: verdict, latency, energy with power phases, earnings with every assumption',
    async () => {
      const r = readGolden('gpu');
      const o = await openReport(browser, 'run-gpu', runReportHtml(r));
      expectClean(o);
      expect(await text(o, '#verdict')).toContain('VALID');
      // The report is a function of the result: it shows the evaluation's own numbers.
      const two = (x: number, d: number) =>
        x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
      expect(await text(o, '#card-latency-p99 .card-value')).toBe(`${two(r.latency!.p99Ms!, 2)} ms`);
      if (!r.energy.measured) throw new Error('the GPU golden measures energy');
      expect(await text(o, '#energy-statement')).toContain(r.energy.statement);
      expect(await text(o, '#card-energy .card-value')).toBe(`${two(r.energy.perQuery!.energyJ!, 3)} J`);
      expect(await o.page.locator('#power-chart .band').count()).toBe(3);
      expect(await text(o, '#power-chart figcaption')).toContain('measured load 20.0–64.0 s');
      await screenshot(o.page, 'run-gpu');
      await o.page.close();
    },
  );

  it('run report of a CPU run says plainly that energy and earnings were not measured', async () => {
    const o = await openReport(browser, 'run-cpu', runReportHtml(readGolden('cpu')));
    expectClean(o);
    expect(await text(o, '#energy-reason')).toBe('Power not measured: no NVIDIA GPU (nvidia-smi not found).');
    expect(await text(o, '#earnings-missing')).toContain('Not estimated');
    await screenshot(o.page, 'run-cpu');
    await o.page.close();
  });

  itShared('sorts a table on a header click, both ways', async () => {
    const o = await openReport(browser, 'run-sort', runReportHtml(readGolden('gpu')));
    const th = o.page.locator('table.latency-table th').nth(1);
    const firstStat = () => o.page.locator('table.latency-table tbody tr td').first().innerText();
    await th.click();
    expect(await firstStat()).toBe('min');
    expect(await th.getAttribute('data-sort')).toBe('asc');
    await th.click();
    expect(await firstStat()).toBe('max');
    expect(await th.getAttribute('data-sort')).toBe('desc');
    await o.page.close();
  });

  itShared(
    'a result with script and HTML payloads in the subnet name and miner output renders them as inert text',
    async () => {
      const o = await openReport(browser, 'run-hostile', runReportHtml(readGolden('hostile')));
      expectClean(o);
      expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await o.page.locator('main script, main img, main iframe, main a, main svg[onload], main b').count()).toBe(
        0,
      );
      expect(await text(o, 'h1')).toContain('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">');
      expect(await text(o, 'ul.errors')).toContain('</script><script>window.__pwned=3</script>');
      expect(await text(o, '#verdict')).toContain('miner said: <iframe src="https://example.com"></iframe>');
      expect(await o.page.title()).toContain('<script>window.__pwned=1</script>');
      await screenshot(o.page, 'run-hostile');
      await o.page.close();
    },
  );

  itShared('comparison report: machines per subnet and subnets per machine, best highlighted, sortable', async () => {
    const o = await openReport(
      browser,
      'compare',
      compareReportHtml(fleetResults(4, 3).map((r) => indexedRunOf(r, 'x'))),
    );
    expectClean(o);
    expect(await o.page.locator('[data-subnet]').count()).toBe(3);
    expect(await o.page.locator('[data-machine]').count()).toBe(4);
    const table = o.page.locator('[data-subnet="sn0"] table');
    expect(await table.locator('td.best').count()).toBeGreaterThan(0);
    const capacity = table.locator('th', { hasText: 'capacity' });
    const col = await capacity.getAttribute('data-col');
    await capacity.click();
    await capacity.click();
    expect(await capacity.getAttribute('data-sort')).toBe('desc');
    const top = table.locator('tbody tr').first();
    expect(await top.locator('td').first().innerText()).toBe('gpu-01 (1x NVIDIA H100 80GB HBM3)');
    expect(await top.locator('td').nth(Number(col)).getAttribute('class')).toContain('best');
    await capacity.click();
    expect(await table.locator('tbody tr').first().locator('td').nth(Number(col)).getAttribute('class')).not.toContain(
      'best',
    );
    await screenshot(o.page, 'compare');
    await o.page.close();
  });

  itShared('trend report: the regression night is marked, the steady machine has none', async () => {
    const o = await openReport(
      browser,
      'trend',
      trendReportHtml(nightlyResults(10, 7).map((r) => indexedRunOf(r, 'x'))),
    );
    expectClean(o);
    const sections = o.page.locator('section');
    expect(await sections.nth(0).locator('td.regression').count()).toBe(0);
    const slowed = sections.nth(1);
    expect(
      await slowed
        .locator('tr', { has: o.page.locator('td.regression') })
        .first()
        .locator('td')
        .first()
        .innerText(),
    ).toBe('2026-11-08');
    expect(await slowed.locator('svg .pt.regression').count()).toBeGreaterThan(0);
    await screenshot(o.page, 'trend');
    await o.page.close();
  });
});
