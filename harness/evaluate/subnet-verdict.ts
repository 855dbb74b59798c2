// subnetVerdict (pure): MINE / SKIP / WATCH for one subnet from its economics, minerbench's plugin for it and the
// eligibility its indexed results show, with every reason; the rules are stated in VERDICT_RULES (README and output).
import type { SubnetEconomics } from '../model/subnet-economics.ts';

export type Verdict = 'MINE' | 'SKIP' | 'WATCH';

/** Most of the miner incentive going to the owner makes a subnet WATCH at best. */
export const HIGH_BURN = 0.5;

export const VERDICT_RULES = [
  'SKIP when emission is switched off (SubnetEmissionEnabled false: no TAO enters the subnet), when MinerBurned is 1 (all miner incentive went to the owner), when the miner pool after burns is 0 (per-UID data: no operator but the owner earning), when registration is closed, or when every indexed result for the subnet says this fleet is not eligible',
  `WATCH when not SKIP and any of: MinerBurned >= ${HIGH_BURN * 100} %, the miner pool or its price is unknown, minerbench has no plugin for the subnet (hardware fit not measurable), or no indexed result shows this fleet eligible`,
  'MINE only when none of the above holds: emission on, miner pool after burns > 0 at a known price, MinerBurned below 50 %, registration open, a plugin, and an indexed result that says eligible',
] as const;

/** The minerbench plugin(s) for a netuid, from the subnets/ catalogue. */
export interface PluginInfo {
  ids: string[];
  /** How the miner is driven and what it needs, e.g. "bittensor-synapse, 0 GPU". */
  shape: string;
  /** The incentive law the plugin declares, when it declares one. */
  law: string | null;
}

/** What the results index says about this fleet on this subnet. */
export interface EligibilityEvidence {
  /** true: some machine's latest run says eligible; false: every machine's latest says not; null: none says. */
  eligible: boolean | null;
  runs: number;
  machines: string[];
  latestRun: string | null;
}

export interface VerdictAnswer {
  verdict: Verdict;
  /** Why, most decisive first. */
  reasons: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function subnetVerdict(
  e: SubnetEconomics,
  plugin: PluginInfo | null,
  eligibility: EligibilityEvidence | null,
): VerdictAnswer {
  const skip: string[] = [];
  const watch: string[] = [];
  const info: string[] = [];
  const burned = e.minerBurnedFraction;
  const pool = e.minerPool.alphaPerDay;
  if (e.emissionEnabled === false)
    skip.push('emission is switched off: no TAO enters this subnet (miners are paid alpha backed by no new TAO)');
  if (burned !== null && burned >= 1) skip.push('MinerBurned = 100 %: all miner incentive went to the owner');
  if (pool === 0 && !(burned !== null && burned >= 1))
    skip.push(
      e.operators
        ? `miner pool after burns is 0: no operator but the owner earned at ${e.operators.samples === 1 ? 'this block' : `any of ${e.operators.samples} blocks`}`
        : `miner pool after burns is 0 (${e.minerPool.basis})`,
    );
  if (e.registrationAllowed === false) skip.push('registration is closed (NetworkRegistrationAllowed false)');
  if (eligibility?.eligible === false)
    skip.push(
      `not eligible: the latest run of each machine (${eligibility.machines.join(', ')}) fails the subnet's gates`,
    );
  if (burned !== null && burned >= HIGH_BURN && burned < 1)
    watch.push(`MinerBurned ${pct(burned)}: most miner incentive goes to the owner`);
  if (pool === null) watch.push(`miner pool unknown (${e.minerPool.basis})`);
  else if (e.taoPerAlpha === null) watch.push('no alpha price: the pool cannot be valued in TAO');
  if (burned === null) watch.push('MinerBurned unknown on this snapshot');
  if (e.emissionEnabled === null) watch.push('emission switch unknown on this snapshot');
  if (!plugin) watch.push('no minerbench plugin: hardware fit and eligibility not measurable here');
  else if (!eligibility || eligibility.eligible === null)
    watch.push(`not measured: no indexed result shows this fleet eligible (run minerbench run ${plugin.ids[0]})`);
  if (!e.operators) info.push('per-operator figures need live chain (chain snapshot --window 7d)');
  else if (e.operators.partial) info.push('per-operator window is partial');
  if (skip.length) return { verdict: 'SKIP', reasons: [...skip, ...watch, ...info] };
  if (watch.length) return { verdict: 'WATCH', reasons: [...watch, ...info] };
  return {
    verdict: 'MINE',
    reasons: [
      `miner pool ${e.minerPool.taoPerDay?.toFixed(2)} TAO/day after burns, MinerBurned ${burned === null ? '?' : pct(burned)}, emission on, eligible on ${eligibility!.machines.join(', ')}`,
      ...info,
    ],
  };
}
