// evaluationHooks: the eligibility and earnings steps of EVALUATE for a profile (its gates and its incentive law).
import type { SubnetProfile } from '../config/subnet-profile.ts';
import type { EvaluateHooks } from './evaluate-artifacts.ts';

/** Eligibility gates and incentive laws plug in here (issue 11); until a law prices the run, earnings stay null. */
export function evaluationHooks(_profile: SubnetProfile): EvaluateHooks {
  return {};
}
