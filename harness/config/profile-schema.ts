// validateProfile: checks a loaded subnet profile against its schema and reports every problem at once.
import { MinerbenchError } from '../errors.ts';
import { formatZodIssues } from './format-issues.ts';
import { profileSchema, type SubnetProfile } from './subnet-profile.ts';

export { profileSchema };

/** Validates a loaded profile; throws CONFIG_INVALID listing every problem with the file it came from. */
export function validateProfile(file: string, raw: unknown): SubnetProfile {
  const r = profileSchema.safeParse(raw);
  if (r.success) return r.data;
  throw new MinerbenchError(
    'CONFIG_INVALID',
    `subnet profile ${file} is invalid (${r.error.issues.length} problem(s))`,
    {
      details: formatZodIssues(file, r.error.issues, raw),
      hint: 'fix each field listed; see subnets/template/profile.ts for a working profile',
    },
  );
}
