// A window run end to end from a recorded real run (test/fixtures/runs/grail-faults-cpu, recorded here with
// `minerbench run grail-faults --subnets-dir test/fixtures/subnets --windows 3 --block-speed 120 --offline`: the
// stand-in skipped one window and uploaded two junk files): the real evaluation's figures, the report's golden HTML,
// and its Windows section in Chromium. Update the snapshot on purpose with -u.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateProfile } from '../../harness/config/profile-schema.ts';
import type { RunResult } from '../../harness/model/result/run-result.ts';
import { evaluateArtifacts } from '../../harness/run/evaluate-artifacts.ts';
import { evaluationHooks } from '../../harness/run/evaluation-hooks.ts';
import { readRunArtifacts } from '../../harness/run/run-artifacts.ts';
import { runReportHtml } from '../../reports/run-report-html.ts';
import faults from '../fixtures/subnets/grail-faults/profile.ts';
import { launchChromium, openReport, screenshot } from './support/report-browser.ts';

const RUN = fileURLToPath(new URL('../fixtures/runs/grail-faults-cpu', import.meta.url));
const PROFILE = validateProfile('test/fixtures/subnets/grail-faults/profile.ts', faults);
const evaluate = (): RunResult => evaluateArtifacts(readRunArtifacts(RUN), PROFILE, evaluationHooks(PROFILE));
const HOTKEY = '5HZAnMPwZi1Z2f5MnR8vZ6JSSRgJD3GBc6KnZtkwG1pe9gbx';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('a recorded grail window run', () => {
  it('evaluates to 64, 64 and 0 unique rollouts, the skipped window and the junk files named', () => {
    const r = evaluate();
    const w = r.window!;
    // each uploaded window file: 64 rollouts + the first 8 again = 72 units, 64 unique
    expect(w.measured.map((x) => [x.window, x.files, x.units, x.unique, x.duplicates])).toEqual([
      [6_000_030, 1, 72, 64, 8],
      [6_000_060, 1, 72, 64, 8],
      [6_000_090, 0, 0, 0, 0],
    ]);
    expect(w.partial.map((x) => [x.window, x.files, x.why])).toEqual([
      [6_000_000, 0, 'in progress when the miner came up (warm-up)'],
    ]);
    expect(w.empty).toEqual([6_000_090]);
    expect(w.outside).toEqual([{ key: `grail/${HOTKEY}/window-6000120.json`, window: 6_000_120 }]);
    expect(w.unreadable).toEqual([
      { key: `grail/${HOTKEY}/junk-6000030.bin`, problem: 'not JSON' },
      { key: `grail/${HOTKEY}/junk-6000120.bin`, problem: 'not JSON' },
    ]);
    // 128 / 3 = 42.666667; sd sqrt(((64 - 42.667)^2 x 2 + 42.667^2) / 3) = 30.170 -> spread 0.707107
    expect(w.summary).toEqual({
      windows: 3,
      unitsPerWindowMean: 42.666667,
      minUnits: 0,
      maxUnits: 64,
      spread: 0.707107,
      unitsPerJoule: null,
    });
    expect(w.duplicates).toBe(16);
    expect(r.validity.reasons).toEqual([
      'the block clock ran 120x faster than the chain: a window lasted 3 s instead of 360 s, so units per window are not what this machine makes in a real window (run with --block-speed 1)',
    ]);
    expect(r.artifacts).toMatchObject({
      windows: 'artifacts/windows.json',
      uploads: 'artifacts/uploads.json',
      services: 'artifacts/services.json',
    });
    expect(r.times.measureSeconds).toBeCloseTo(9, 1);
  });

  it('renders the same report as before', async () => {
    await expect(runReportHtml(evaluate())).toMatchFileSnapshot('__snapshots__/run-window.html');
  });

  it('shows the Windows section in Chromium: rows, the reference beside the machine, what was dropped', async () => {
    const o = await openReport(browser, 'run-window', runReportHtml(evaluate()));
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([o.url]);
    const rows = await o.page.locator('table.window-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/^6000090\t/);
    expect(await o.page.locator('#card-window-units .card-value').innerText()).toBe('42.7');
    const section = await o.page
      .locator('section')
      .filter({ has: o.page.locator('h2', { hasText: /^Windows$/ }) })
      .innerText();
    // 42.666667 / 4477 = 0.95 %
    expect(section).toContain(
      '4,477 rollouts per window on 8x NVIDIA A100 SXM4 with Qwen2.5-7B (one-covenant/grail@54d6342:docs/miner.md section 3); this machine: 42.67 (1.0 % of it)',
    );
    expect(await o.page.locator('#window-dropped').innerText()).toContain(
      'windows with no rollout file (each counts 0): 6000090',
    );
    expect(await o.page.locator('#window-clock').innerText()).toContain(
      'ran 120x faster (3.00 s per window): a plumbing check, not a measurement.',
    );
    await screenshot(o.page, 'run-window');
    await o.page.close();
  });
});
