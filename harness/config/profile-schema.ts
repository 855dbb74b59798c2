// validateProfile: checks a loaded subnet profile against its schema and reports every problem at once, including
// the parts the default workload (replay) needs.
import { MinerbenchError } from '../errors.ts';
import { formatZodIssues } from './format-issues.ts';
import { REPLAY_NEEDS } from './replay-profile.ts';
import { profileSchema, type SubnetProfile } from './subnet-profile.ts';

export { profileSchema };

/** The replay workload (the default) needs a miner, a transport, queries, a validator model and a score. */
function replayProblems(file: string, raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const r = raw as Record<string, unknown>;
  const kind = (r.workload as { kind?: unknown } | undefined)?.kind ?? 'replay';
  if (kind !== 'replay') return [];
  return REPLAY_NEEDS.filter((k) => r[k] === undefined).map(
    (k) => `${file}: ${k}: required by workload 'replay' (the default)`,
  );
}

/** Validates a loaded profile; throws CONFIG_INVALID listing every problem with the file it came from. */
export function validateProfile(file: string, raw: unknown): SubnetProfile {
  const r = profileSchema.safeParse(raw);
  const problems = [...(r.success ? [] : formatZodIssues(file, r.error.issues, raw)), ...replayProblems(file, raw)];
  if (r.success && !problems.length) return r.data;
  throw new MinerbenchError('CONFIG_INVALID', `subnet profile ${file} is invalid (${problems.length} problem(s))`, {
    details: problems,
    hint: 'fix each field listed; see subnets/template/profile.ts for a working profile',
  });
}
