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
import { validateProfile } from '../../harness/config/profile-schema.ts';
import lium from '../../subnets/lium/profile.ts';
import { evaluateDir, HAVE_H100_TRACE } from '../support/golden-runs.ts';
import { liumRunDir, RUN_END, templateRunOn2026 } from '../support/priced-runs.ts';

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

  it('run report of a CPU run says plainly that energy was not measured and what its earnings miss', async () => {
    const o = await openReport(browser, 'run-cpu', runReportHtml(readGolden('cpu')));
    expectClean(o);
    expect(await text(o, '#energy-reason')).toBe('Power not measured: no NVIDIA GPU (nvidia-smi not found).');
    // The template declares no gates; its law is quality-share on the run's 2025 snapshot, where no miner was paid.
    expect(await text(o, '#eligibility-none')).toBe('This subnet declares no hardware gates.');
    expect(await text(o, '#earnings-answer')).toContain('by the quality-share law');
    expect(await text(o, 'ul.missing')).toContain('no power measurement on this machine');
    await screenshot(o.page, 'run-cpu');
    await o.page.close();
  });

  it('the Environment section says who the miner ran as and on which network, in words', async () => {
    const r = readGolden('cpu');
    r.environment.runtime.user = { id: '10001:10001', root: false, from: 'minerbench default (non-root)' };
    r.environment.runtime.network = { mode: 'isolated', name: 'minerbench-run-x', from: 'default' };
    const o = await openReport(browser, 'run-env', runReportHtml(r));
    expectClean(o);
    const body = await o.page.locator('body').innerText();
    expect(body).toContain('docker, user 10001:10001, network minerbench-run-x (no egress)');
    expect(body).not.toContain('[object Object]');
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

  (HAVE_H100_TRACE ? it : it.skip)(
    'priced run reports: Eligibility, then "What this machine earns here" with numbers, and the Stress section',
    async () => {
      const prices = {
        taoPrice: { value: 400, currency: 'USD', at: RUN_END },
        kwhPrice: { value: 0.1, currency: 'USD' },
      };
      const r = evaluateDir(liumRunDir({ prices }), validateProfile('subnets/lium/profile.ts', lium));
      const o = await openReport(browser, 'run-lium', runReportHtml(r));
      expectClean(o);
      const headings = await o.page.locator('section > h2').allInnerTexts();
      // Eligibility and earnings come before the raw numbers.
      expect(headings.slice(0, 3)).toEqual(['Eligibility', 'What this machine earns here', 'Stress']);
      expect(await text(o, '#eligibility')).toContain('eligible');
      const gates = await o.page.locator('table.gates-table tbody tr').allInnerTexts();
      expect(gates).toHaveLength(4);
      expect(gates[1]).toContain('NVIDIA H100 80GB HBM3 x8');
      // 0.2 x 0.1 x 8/72 = 0.002222 of the pool; x 2,952.0165 alpha x 0.0702027 TAO x 400 = 184.21 USD per day
      expect(await text(o, '#earnings-answer')).toContain('by the hardware-rate law');
      const earnings = await o.page.locator('section', { hasText: 'What this machine earns here' }).innerText();
      expect(earnings).toMatch(/share of the miner pool\s+0\.002222/);
      expect(earnings).toMatch(/gross\s+6\.5600 alpha .*= 0\.4605 TAO/);
      expect(await text(o, '#stress-ran')).toContain('Ran on the GPU: NVIDIA H100 80GB HBM3');
      await screenshot(o.page, 'run-lium');
      await o.page.close();
      // The template on the shipped snapshot with its measured power and prices: a net per day in the answer line.
      const t = evaluateDir(templateRunOn2026(prices));
      const net = t.earnings!.net.fiatPerDay.value!;
      const p = await openReport(browser, 'run-template-2026', runReportHtml(t));
      expectClean(p);
      expect(await text(p, '#earnings-answer')).toContain(
        `Net ${net.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USD/day`,
      );
      await p.page.close();
    },
  );
});
