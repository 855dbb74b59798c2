// RUN_FILTER_OPTIONS: the flags that pick indexed runs (history, report, compare), declared once and validated before
// the index is opened: --subnet, --machine, --since (a date or a span back), --limit.
import { z } from 'zod';
import { defineOption, finite } from '../config/option-spec.ts';
import { isMinerbenchError } from '../errors.ts';
import { sinceInstant } from '../results/query-runs.ts';

const sinceOk = (s: string) => {
  try {
    sinceInstant(s);
    return true;
  } catch (e) {
    if (isMinerbenchError(e)) return false;
    throw e;
  }
};

export const SUBNET_FILTER = defineOption({
  key: 'subnet',
  flag: 'subnet',
  type: 'string',
  schema: z.string().min(1, 'must name a subnet id').optional(),
  default: undefined,
  describe: 'only this subnet id',
  owner: 'filter',
});

export const MACHINE_FILTER = defineOption({
  key: 'machine',
  flag: 'machine',
  type: 'string',
  schema: z.string().min(1, 'must name a machine').optional(),
  default: undefined,
  describe: 'only this machine (id prefix, hostname or name)',
  owner: 'filter',
});

export const SINCE_FILTER = defineOption({
  key: 'since',
  flag: 'since',
  type: 'string',
  schema: z.string().refine(sinceOk, 'must be a date (2026-11-01) or a span back (36h, 7d, 4w)').optional(),
  default: undefined,
  describe: 'only runs since a date (2026-11-01) or a span back (36h, 7d, 4w)',
  owner: 'filter',
});

export const LIMIT_FILTER = defineOption({
  key: 'limit',
  flag: 'limit',
  type: 'number',
  schema: finite('runs').int('must be a whole number of runs').min(1, 'must be >= 1 (runs)').optional(),
  default: undefined,
  describe: 'at most this many runs',
  owner: 'filter',
});

export const RUN_FILTER_OPTIONS = [SUBNET_FILTER, MACHINE_FILTER, SINCE_FILTER] as const;
