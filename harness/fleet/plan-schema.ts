// planSchema: zod schema of a benchmark plan file (benchmarks/*.yaml): subnets, named scenarios, repeats. A scenario
// takes every option `minerbench run` takes (arrival models, runtimes, earnings... by option key), validated by the
// same declarations and cross-option rules as the command line (runOptionSpecs, runOptionProblems).
import { z } from 'zod';
import type { OptionSpec } from '../config/option-spec.ts';
import { arrivalKind, knownArrivals } from '../load/arrival-kinds.ts';
import { runOptionProblems, runOptionSpecs } from '../run/run-option-table.ts';

/** Options the fleet runner sets itself: a scenario cannot. */
const RUNNER_OWNED: Readonly<Record<string, string>> = { out: 'the fleet runner writes runs to its own /out' };

function unknownKeysMessage(keys: readonly string[], specs: readonly OptionSpec[]): string {
  const hints = keys.map((k) => {
    if (RUNNER_OWNED[k]) return `${k}: ${RUNNER_OWNED[k]}`;
    const byFlag = specs.find((s) => s.flag === k || s.flag === k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    return byFlag ? `${k}: write ${byFlag.key} (the option key of --${byFlag.flag})` : `${k}: not a run option`;
  });
  return `a scenario takes the run options by key (minerbench run --help lists the flags): ${hints.join('; ')}`;
}

function buildScenarioSchema() {
  const specs = runOptionSpecs().filter((s) => !RUNNER_OWNED[s.key]);
  const shape: Record<string, z.ZodType> = { description: z.string().optional() };
  for (const s of specs) shape[s.key] = s.schema.optional();
  return z
    .strictObject(shape, {
      error: (iss) => (iss.code === 'unrecognized_keys' ? unknownKeysMessage(iss.keys, specs) : undefined),
    })
    .superRefine((scenario, ctx) => {
      const { description: _d, ...flags } = scenario;
      // The environment of the machine that reads the plan plays no part: a plan means the same everywhere.
      const r = runOptionProblems(flags, {}, { signs: false });
      const problems = [...r.problems];
      // The arrival model's own rules (a rate for an open loop, a sweep's range); checks that need a subnet's queries
      // file run when the job is planned on its machine.
      const o = r.resolved.options;
      if (!problems.length && knownArrivals().includes(o.arrival as string))
        for (const p of arrivalKind(o.arrival as string).check(o as never, [])) problems.push(p);
      for (const p of problems) ctx.addIssue({ code: 'custom', message: p });
    });
}

/** One scenario: the run options a job gets, by option key (queries, durationS, arrival, ratePerS...). */
export const scenarioSchema = buildScenarioSchema();

export const planSchema = z.strictObject({
  description: z.string().optional(),
  subnets: z.array(z.string().min(1)).min(1),
  scenarios: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'), scenarioSchema),
  repeats: z.number().int().min(1).max(100).optional(),
  /** How many earlier nights make the baseline a night is compared with. */
  baselineNights: z.number().int().min(1).max(90).optional(),
});

/** A scenario's description and its run options by key. */
export type Scenario = { description?: string } & Readonly<Record<string, unknown>>;
export type Plan = Omit<z.infer<typeof planSchema>, 'scenarios'> & { scenarios: Record<string, Scenario> };
