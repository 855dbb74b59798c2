// subnetsReportHtml: the strategist's table as a self-contained, sortable page (embedded JSON, textContent renderer,
// hashed CSP, no request), like the other reports.
import type { StrategistTable } from '../harness/evaluate/strategist-table.ts';
import { generateReport } from './generate-report.ts';

export interface SubnetsReportMeta {
  /** "shipped snapshot", "live chain", "snapshot file chain.json". */
  origin: string;
  /** "block 8,791,253 of 2026-08-07T08:35:00.000Z (capture time), 110 days old". */
  age: string;
  warnings: string[];
  taoPrice: { value: number; currency: string; at: string } | null;
}

export function subnetsReportHtml(
  table: StrategistTable,
  meta: SubnetsReportMeta,
  title = 'minerbench subnets',
): string {
  return generateReport('subnets', { ...table, meta }, title);
}
