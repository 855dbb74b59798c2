// replayProfile: narrows a profile to one a query/response workload can run (miner, transport, queries, validator, score).
import { MinerbenchError } from '../errors.ts';
import type { ReplayProfile, SubnetProfile } from './subnet-profile.ts';

export const REPLAY_NEEDS = ['miner', 'transport', 'queries', 'validator', 'score'] as const;

/** The profile as a ReplayProfile, or CONFIG_INVALID naming every missing part. */
export function replayProfile(profile: SubnetProfile, file: string): ReplayProfile {
  const missing = REPLAY_NEEDS.filter((k) => profile[k] === undefined);
  if (!missing.length) return profile as ReplayProfile;
  throw new MinerbenchError(
    'CONFIG_INVALID',
    `subnet profile ${file} runs the replay workload but has no ${missing.join(', ')}`,
    {
      details: missing.map((k) => `${file}: ${k}: required by workload 'replay'`),
      hint: "add them (see subnets/template/profile.ts), or declare another workload: { kind: 'stress' | 'window' | 'none' }",
    },
  );
}
