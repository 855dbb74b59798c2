// loadFleet: reads fleet.yaml and its plan, validates both and reports every problem at once, before any side effect.
import path from 'node:path';
import { formatZodIssues } from '../config/format-issues.ts';
import { listSubnetIds } from '../config/subnet-registry.ts';
import { MinerbenchError } from '../errors.ts';
import { checkMachineEndpoint, resolveUserPath } from './check-machine-endpoint.ts';
import { expandJobs } from './fleet-job.ts';
import type { FleetMachine, ResolvedFleet } from './fleet-machine.ts';
import { fleetSchema, type FleetFile } from './fleet-schema.ts';
import { planSchema, type Plan } from './plan-schema.ts';
import { readYamlFile } from './read-yaml-file.ts';

export interface LoadFleetOptions {
  /** Allow plain tcp:// endpoints (with a warning). */
  insecure?: boolean;
  /** Where subnet plugins live [default: the bundled subnets/]. */
  subnetsDir?: string;
  /** Overrides the fleet file's results folder. */
  resultsDir?: string;
}

const rel = (f: string) => path.relative(process.cwd(), f) || f;

function loadPlan(file: string, problems: string[]): Plan | undefined {
  const read = readYamlFile(file, rel(file));
  if (!read.ok) {
    for (const x of read.problems) problems.push(x);
    return undefined;
  }
  const r = planSchema.safeParse(read.data);
  if (!r.success) {
    for (const x of formatZodIssues(rel(file), r.error.issues, read.data)) problems.push(x);
    return undefined;
  }
  return r.data;
}

export function loadFleet(file: string, opts: LoadFleetOptions = {}): ResolvedFleet {
  const abs = path.resolve(file);
  const baseDir = path.dirname(abs);
  const shown = rel(abs);
  const problems: string[] = [];
  const warnings: string[] = [];
  const fail = () =>
    new MinerbenchError(
      'CONFIG_INVALID',
      `fleet file ${shown} is invalid (${problems.length} problem(s)); nothing was started`,
      {
        details: problems,
        hint: 'fix each line listed; fleet.example.yaml is a working fleet file',
      },
    );
  const read = readYamlFile(abs, shown);
  if (!read.ok) {
    for (const x of read.problems) problems.push(x);
    throw fail();
  }
  const parsed = fleetSchema.safeParse(read.data);
  if (!parsed.success) for (const x of formatZodIssues(shown, parsed.error.issues, read.data)) problems.push(x);
  // Keep checking what can be checked even when the schema failed, so one pass shows everything.
  const raw = (parsed.success ? parsed.data : read.data) as Partial<FleetFile>;
  const planFile = typeof raw.plan?.file === 'string' ? resolveUserPath(raw.plan.file, baseDir) : undefined;
  const plan = planFile ? loadPlan(planFile, problems) : undefined;
  const known = listSubnetIds(opts.subnetsDir);
  const planSubnets = raw.plan?.subnets ?? plan?.subnets ?? [];
  for (const s of plan?.subnets ?? []) {
    if (!known.includes(s))
      problems.push(`${rel(planFile!)}: subnets: unknown subnet '${s}' (known: ${known.join(', ') || 'none'})`);
  }
  for (const s of raw.plan?.subnets ?? []) {
    if (!known.includes(s))
      problems.push(`${shown}: plan.subnets: unknown subnet '${s}' (known: ${known.join(', ') || 'none'})`);
  }
  const scenarioNames = Object.keys(plan?.scenarios ?? {});
  for (const s of raw.plan?.scenarios ?? []) {
    if (plan && !scenarioNames.includes(s))
      problems.push(
        `${shown}: plan.scenarios: unknown scenario '${s}' (${rel(planFile!)} has: ${scenarioNames.join(', ')})`,
      );
  }
  const seen = new Map<string, number>();
  const machines: FleetMachine[] = [];
  const list = Array.isArray(raw.machines) ? raw.machines : [];
  list.forEach((m, i) => {
    const where = `${shown}: machines.${i}${typeof m?.name === 'string' ? ` (${m.name})` : ''}`;
    if (!m || typeof m !== 'object') return;
    if (typeof m.name === 'string') {
      if (seen.has(m.name))
        problems.push(
          `${where}.name: duplicate machine name '${m.name}' (also machines.${seen.get(m.name)}); names must be unique`,
        );
      else seen.set(m.name, i);
    }
    if (typeof m.endpoint !== 'string') {
      if (m.endpoint === undefined)
        problems.push(
          `${where}.endpoint: missing: every machine needs its Docker endpoint (unix://, ssh:// or tcp:// with tls)`,
        );
      return;
    }
    const ep = checkMachineEndpoint(m, where, baseDir, opts.insecure ?? false);
    for (const x of ep.problems) problems.push(x);
    for (const x of ep.warnings) warnings.push(x);
    for (const s of m.subnets ?? []) {
      if (!planSubnets.includes(s))
        problems.push(`${where}.subnets: '${s}' is not in the plan's subnets (${planSubnets.join(', ')})`);
    }
    if (!ep.kind || !plan) return;
    const scenarios = (raw.plan?.scenarios ?? scenarioNames)
      .filter((n) => plan.scenarios[n])
      .map((n) => [n, plan.scenarios[n]!] as [string, (typeof plan.scenarios)[string]]);
    const gpus = m.gpus === undefined || m.gpus === 'none' ? [] : m.gpus === 'all' ? 'all' : m.gpus.map(String);
    machines.push({
      name: m.name,
      endpoint: m.endpoint,
      kind: ep.kind,
      ...(ep.tls ? { tls: ep.tls } : {}),
      ...(ep.sshKey ? { sshKey: ep.sshKey } : {}),
      hostSocket: ep.hostSocket!,
      gpus,
      labels: m.labels ?? {},
      jobs: expandJobs(m.subnets ?? planSubnets, scenarios, raw.plan?.repeats ?? plan.repeats ?? 1),
    });
  });
  if (problems.length || !parsed.success || !plan) throw fail();
  const f = parsed.data;
  return {
    file: abs,
    name: f.name ?? path.basename(abs, path.extname(abs)),
    planFile: planFile!,
    plan,
    resultsDir: opts.resultsDir ? path.resolve(opts.resultsDir) : resolveUserPath(f.results ?? '.minerbench', baseDir),
    concurrency: f.concurrency ?? 4,
    baselineNights: f.baseline?.nights ?? plan.baselineNights ?? 7,
    runner: {
      ...(f.runner?.baseImage ? { baseImage: f.runner.baseImage } : {}),
      ...(f.runner?.minerBaseImage ? { minerBaseImage: f.runner.minerBaseImage } : {}),
      timeoutMs: (f.runner?.timeoutMinutes ?? 240) * 60_000,
    },
    machines,
    warnings,
  };
}
