// Golden HTML snapshots of each report kind from the golden results: any change to a report shows up in review.
// Update on purpose with: npx vitest run --project unit test/reports/golden-reports.test.ts -u
import { describe, expect, it } from 'vitest';
import { itShared } from '../support/describe-shared.ts';
import { indexedRunOf } from '../../harness/results/indexed-run-of.ts';
import { compareReportHtml } from '../../reports/compare-report-html.ts';
import { runReportHtml } from '../../reports/run-report-html.ts';
import { trendReportHtml } from '../../reports/trend-report-html.ts';
import { fleetResults, nightlyResults, readGolden } from '../fixtures/results/synthetic-results.ts';

describe('golden reports', () => {
  itShared('run report of a GPU run with energy and earnings', async () => {
    await expect(runReportHtml(readGolden('gpu'))).toMatchFileSnapshot('__snapshots__/run-gpu.html');
  });

  it('run report of a CPU run (energy and earnings not measured)', async () => {
    await expect(runReportHtml(readGolden('cpu'))).toMatchFileSnapshot('__snapshots__/run-cpu.html');
  });

  itShared('comparison report of 3 machines x 2 subnets', async () => {
    await expect(
      compareReportHtml(fleetResults(3, 2).map((r) => indexedRunOf(r, `/runs/${r.runId}/result.json`))),
    ).toMatchFileSnapshot('__snapshots__/compare.html');
  });

  itShared('trend report of 2 machines over 6 nights', async () => {
    await expect(
      trendReportHtml(nightlyResults(6, 4).map((r) => indexedRunOf(r, `/runs/${r.runId}/result.json`))),
    ).toMatchFileSnapshot('__snapshots__/trend.html');
  });

  itShared('the hostile result is embedded escaped: no raw tag or line separator from the data', () => {
    const html = runReportHtml(readGolden('hostile'));
    const data = html.slice(
      html.indexOf('id="minerbench-data">'),
      html.indexOf('</script>', html.indexOf('id="minerbench-data">')),
    );
    expect(data).not.toMatch(/<|[\u2028\u2029]/);
    expect(data).toContain('\\u003cscript>window.__pwned=1');
    expect(html).toContain('<title>minerbench · &lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('refuses to make a comparison or trend of no runs', () => {
    expect(() => compareReportHtml([])).toThrow(expect.objectContaining({ code: 'NO_MATCHING_RUNS' }));
    expect(() => trendReportHtml([])).toThrow(expect.objectContaining({ code: 'NO_MATCHING_RUNS' }));
  });
});
