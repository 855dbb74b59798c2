// generateReport: one self-contained HTML file (inline CSS and JS, data embedded, CSP with no network) from result JSON.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedJson } from './embed-json.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (rel: string) => readFileSync(path.join(here, rel), 'utf8');

export type ReportKind = 'run' | 'compare' | 'trend' | 'subnets';

/** The renderer files of each kind, after dom.js and charts.js. */
const KIND_FILES: Record<ReportKind, string[]> = {
  run: ['run-energy.js', 'run-earnings.js', 'run-stress.js', 'run-window.js', 'run-report.js'],
  compare: ['compare-report.js'],
  trend: ['trend-report.js'],
  subnets: ['subnets-report.js'],
};

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page: the renderer reads the embedded JSON and builds the DOM with textContent only. */
export function generateReport(kind: ReportKind, data: unknown, title: string): string {
  const css = read('renderer/styles.css');
  const script = ['dom.js', 'charts.js', ...KIND_FILES[kind]].map((f) => read(`renderer/${f}`)).join('\n');
  const csp = [
    "default-src 'none'",
    `script-src ${hash(script)}`,
    `style-src ${hash(css)}`,
    'img-src data:',
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)}</title>
<style>${css}</style>
</head>
<body>
<main id="app"><noscript>This report needs JavaScript to render its data.</noscript></main>
<script type="application/json" id="minerbench-data">${embedJson({ kind, data })}</script>
<script>${script}</script>
</body>
</html>
`;
}

function escapeText(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
