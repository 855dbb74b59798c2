// evaluationHooks: the eligibility and earnings steps of EVALUATE for a profile: its gates checked on the machine facts
// the run recorded, then its law (profile.law, default quality-share) priced from what the run measured, the network's
// economics in the run's chain snapshot, the run's prices, PUE and tenure, the law's flags and the law table the run
// copied into its artifacts. `minerbench estimate` uses the same hooks with some of those inputs replaced.
import { parseLawTable, type LoadedTable } from '../config/law-table-file.ts';
import { resolveOptions } from '../config/option-spec.ts';
import type { SubnetProfile } from '../config/subnet-profile.ts';
import { isMinerbenchError, MinerbenchError } from '../errors.ts';
import type { EarningsPrices } from '../evaluate/earnings-prices.ts';
import { checkEligibility, resolveGates, type ResolvedGate } from '../evaluate/eligibility/eligibility-gates.ts';
import type { IncentiveLaw } from '../evaluate/incentive/incentive-law.ts';
import { resolveLaw } from '../evaluate/incentive/incentive-laws.ts';
import { subnetEconomics } from '../evaluate/subnet-economics.ts';
import type { ChainSnapshot } from '../model/chain-snapshot-schema.ts';
import type { EvaluateHooks } from './evaluate-artifacts.ts';
import { machineFactsOf, machineMeasureOf } from './recorded-machine.ts';
import type { RunArtifacts } from './run-artifacts.ts';

/** Inputs an estimate replaces; each absent one is the run's own. */
export interface EvaluationOverrides {
  /** Law flags by option key (e.g. { gpusOfModel: 120 }), over the ones the run recorded. */
  flags?: Readonly<Record<string, unknown>>;
  /** Another table (--law-table), instead of the copy in the run's artifacts. */
  table?: LoadedTable<unknown>;
  prices?: EarningsPrices;
  pue?: number;
  tenureDays?: number;
  /** Another chain snapshot, and what it is in words ("live chain, block ..."). */
  chain?: { snapshot: ChainSnapshot; description: string };
  /** The moment of the estimate (table and snapshot ages); default: when the run ended. */
  now?: Date;
}

interface Resolved {
  law: IncentiveLaw<unknown, unknown, unknown>;
  config: unknown;
  gates: ResolvedGate[];
  table: LoadedTable<unknown> | null;
  now: Date;
  /** The law's flags as the run recorded them, with the estimate's over them. */
  flags: Record<string, unknown>;
  /** The pool the machine is priced in (laws with pools), which pool-bound gates are checked for. */
  pool: string | null;
}

/** The law, gates and table of one run (resolved once for both hooks). */
function resolve(a: RunArtifacts, profile: SubnetProfile, over: EvaluationOverrides): Resolved {
  const c = a.context;
  const file = c.profile.file;
  const { law, config } = resolveLaw(profile.law, file);
  const gates = resolveGates(profile.eligibility, file);
  const now = over.now ?? new Date(c.endedAt ?? c.startedAt);
  const table =
    over.table ??
    (a.lawTable && law.tableSchema ? parseLawTable(a.lawTable.text, a.lawTable.file, law.tableSchema, now) : null);
  const flags = resolveOptions(law.options, { ...lawFlagsOf(c.options, law), ...(over.flags ?? {}) }, {});
  if (flags.problems.length)
    throw new MinerbenchError('USAGE', `invalid ${law.kind} law inputs`, { details: flags.problems });
  const pool = law.pools ? law.pools.inForce(config, flags.values) : null;
  return { law, config, gates, table, now, flags: flags.values, pool };
}

export function evaluationHooks(profile: SubnetProfile, over: EvaluationOverrides = {}): EvaluateHooks {
  let cached: { a: RunArtifacts; r: Resolved } | undefined;
  const resolved = (a: RunArtifacts) => {
    if (cached?.a !== a) cached = { a, r: resolve(a, profile, over) };
    return cached.r;
  };
  return {
    eligibility(a) {
      const r = resolved(a);
      return r.gates.length ? checkEligibility(machineFactsOf(a.context), r.gates, r.table, r.pool) : null;
    },
    earnings(a, _profile, measured) {
      const c = a.context;
      const r = resolved(a);
      const none = (why: string) => ({ earnings: null, warnings: [`earnings: ${why}`] });
      const tableFile = (r.config as { table?: unknown } | null)?.table;
      if (!r.table && r.law.tableSchema && typeof tableFile === 'string')
        return none(
          `the ${r.law.kind} law prices with a table (${tableFile}) and this run kept no copy of it; price it with minerbench estimate ${a.folder.dir} --law-table FILE`,
        );
      const chain = over.chain?.snapshot ?? a.chain;
      if (!chain)
        return none(
          "no chain snapshot was used, so the subnet's miner pool is unknown; price it with minerbench estimate (--offline for the shipped snapshot)",
        );
      let network;
      try {
        network = subnetEconomics(chain, c.subnet.netuid, {
          ...(over.chain ? { source: over.chain.description } : c.chain ? { source: c.chain.description } : {}),
        });
      } catch (e) {
        if (isMinerbenchError(e) && e.code === 'CHAIN_DATA_MISSING') return none(e.message);
        throw e;
      }
      const earnings = r.law.estimate({
        machine: machineMeasureOf(c, measured.result, measured.eligibility, measured.measure),
        network,
        config: r.config,
        flags: r.flags,
        table: r.table,
        prices: over.prices ?? c.prices,
        pue: over.pue ?? c.pue,
        tenureDays: over.tenureDays ?? c.tenureDays,
        now: r.now,
      });
      return { earnings, warnings: [] };
    },
  };
}

/** The law's flags as the run recorded them in its options (null where a run predates the flag). */
function lawFlagsOf(
  options: Readonly<Record<string, unknown>>,
  law: IncentiveLaw<unknown, unknown, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of law.options) if (s.key in options) out[s.key] = options[s.key];
  return out;
}
