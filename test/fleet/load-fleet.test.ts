// loadFleet: bad fleet files fail before anything starts, with every problem in one error naming file, field and fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../harness/fleet/load-fleet.ts';
import { planSchema } from '../../harness/fleet/plan-schema.ts';
import { readYamlFile } from '../../harness/fleet/read-yaml-file.ts';
import { MinerbenchError } from '../../harness/errors.ts';
import { planRun } from '../../harness/run/plan-run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function fleetDir(
  fleet: string,
  plan = 'subnets: [template]\nrepeats: 2\nscenarios:\n  smoke: { queries: 40 }\n  big: { concurrency: 16, durationS: 30 }\n',
): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minerbench-fleet-unit-'));
  writeFileSync(path.join(dir, 'plan.yaml'), plan);
  writeFileSync(path.join(dir, 'fleet.yaml'), fleet);
  writeFileSync(path.join(dir, 'key.pem'), 'not a real key');
  return path.join(dir, 'fleet.yaml');
}

function problems(file: string, opts = {}): string[] {
  try {
    loadFleet(file, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(MinerbenchError);
    expect((e as MinerbenchError).code).toBe('CONFIG_INVALID');
    expect((e as MinerbenchError).message).toContain('nothing was started');
    return (e as MinerbenchError).details;
  }
  throw new Error('the fleet file was accepted');
}

describe('loadFleet', () => {
  it('resolves a good fleet: paths relative to the file, jobs repeat-major, GPUs and defaults', () => {
    const file = fleetDir(`plan: { file: plan.yaml }
machines:
  - { name: a, endpoint: 'unix:///var/run/docker.sock', gpus: [0, 2], labels: { rack: r1 } }
  - { name: b, endpoint: 'tcp://10.0.0.2:2376', tls: { ca: key.pem, cert: key.pem, key: key.pem }, gpus: all }
  - { name: c, endpoint: 'ssh://bench@10.0.0.3', ssh: { key: key.pem } }
`);
    const f = loadFleet(file);
    expect(f.resultsDir).toBe(path.join(path.dirname(file), '.minerbench'));
    expect(f.concurrency).toBe(4);
    expect(f.baselineNights).toBe(7);
    expect(f.machines.map((m) => [m.name, m.kind, m.hostSocket, m.gpus])).toEqual([
      ['a', 'unix', '/var/run/docker.sock', ['0', '2']],
      ['b', 'tcp-tls', '/var/run/docker.sock', 'all'],
      ['c', 'ssh', '/var/run/docker.sock', []],
    ]);
    expect(f.machines[1]!.tls!.key).toBe(path.join(path.dirname(file), 'key.pem'));
    expect(f.machines[0]!.jobs.map((j) => j.key)).toEqual([
      'template/smoke/1',
      'template/big/1',
      'template/smoke/2',
      'template/big/2',
    ]);
    expect(f.machines[0]!.jobs[1]!.options).toEqual({ concurrency: 16, durationS: 30 });
  });

  it('reports unknown keys, a machine without endpoint, duplicate names, unreadable TLS files and an unknown subnet at once', () => {
    const file = fleetDir(
      `plan: { file: plan.yaml, scenarios: [smoke, nope] }
colour: blue
machines:
  - { name: a, endpoint: 'unix:///var/run/docker.sock', gpu: 1 }
  - { name: a, endpoint: 'unix:///tmp/other.sock' }
  - { name: b }
  - { name: c, endpoint: 'tcp://10.0.0.2:2376', tls: { ca: missing-ca.pem, cert: key.pem, key: /nonexistent/key.pem } }
`,
      'subnets: [template, no-such-subnet]\nscenarios:\n  smoke: {}\n',
    );
    const p = problems(file);
    const has = (re: RegExp) =>
      expect(
        p.some((l) => re.test(l)),
        `${re} in\n${p.join('\n')}`,
      ).toBe(true);
    has(/fleet\.yaml: \(top level\): .*colour.*unknown keys are errors/);
    has(/machines\.0: .*gpu.*unknown keys are errors/);
    has(/machines\.1 \(a\)\.name: duplicate machine name 'a' \(also machines\.0\)/);
    has(/machines\.2 \(b\)\.endpoint: missing: every machine needs its Docker endpoint/);
    has(/machines\.3 \(c\)\.tls\.ca: cannot read .*missing-ca\.pem \(ENOENT\)/);
    has(/machines\.3 \(c\)\.tls\.key: cannot read \/nonexistent\/key\.pem \(ENOENT\)/);
    has(/plan\.yaml: subnets: unknown subnet 'no-such-subnet' \(known: .*template/);
    has(/plan\.scenarios: unknown scenario 'nope' \(.*has: smoke\)/);
    expect(p.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses plain tcp:// unless --insecure, which warns', () => {
    const file = fleetDir(`plan: { file: plan.yaml }\nmachines:\n  - { name: a, endpoint: 'tcp://10.0.0.2:2375' }\n`);
    expect(problems(file).join('\n')).toMatch(
      /plain TCP: refused .*add tls: \{ca, cert, key\}, use ssh:\/\/, or pass --insecure/,
    );
    const f = loadFleet(file, { insecure: true });
    expect(f.machines[0]!.kind).toBe('tcp-insecure');
    expect(f.warnings[0]).toMatch(/plain TCP without TLS \(--insecure\)/);
  });

  it('reports a YAML syntax error with its line, and an unreadable plan file', () => {
    expect(problems(fleetDir('machines: [\n  - a\nplan: {')).join('\n')).toMatch(/fleet\.yaml:\d+:\d+ YAML /);
    const p = problems(
      fleetDir(
        `plan: { file: missing-plan.yaml }\nmachines:\n  - { name: a, endpoint: 'unix:///x.sock', subnets: [other] }\n`,
      ),
    );
    expect(p.join('\n')).toMatch(/missing-plan\.yaml: cannot read the file \(ENOENT\)/);
  });

  it('a plan with queries and durationS in one scenario, or a bad scenario name, is refused', () => {
    const p = problems(
      fleetDir(
        `plan: { file: plan.yaml }\nmachines:\n  - { name: a, endpoint: 'unix:///x.sock' }\n`,
        'subnets: [template]\nscenarios:\n  both: { queries: 5, durationS: 3 }\n',
      ),
    );
    // The run's own cross-option rule, as `minerbench run --queries 5 --duration 3` says it.
    expect(p.join('\n')).toMatch(/plan\.yaml: scenarios\.both: --queries and --duration both given: choose one/);
    const q = problems(
      fleetDir(
        `plan: { file: plan.yaml }\nmachines:\n  - { name: a, endpoint: 'unix:///x.sock' }\n`,
        'subnets: [template]\nscenarios:\n  Bad_Name: {}\n',
      ),
    );
    expect(q.join('\n')).toMatch(/plan\.yaml: scenarios\.Bad_Name: /);
  });

  it('a scenario takes any run option by key (an open loop at a rate, earnings), and they reach the run as flags', async () => {
    const f = loadFleet(
      fleetDir(
        `plan: { file: plan.yaml }\nmachines:\n  - { name: a, endpoint: 'unix:///x.sock' }\n`,
        'subnets: [template]\nscenarios:\n  open: { arrival: constant, ratePerS: 25, durationS: 60, maxInFlight: 64, pue: 1.3 }\n',
      ),
    );
    expect(f.machines[0]!.jobs[0]!.options).toEqual({
      arrival: 'constant',
      ratePerS: 25,
      durationS: 60,
      maxInFlight: 64,
      pue: 1.3,
    });
    // The runner hands a job's options to runBenchmark as flags (run-fleet-jobs.ts); its VALIDATE step reads them so.
    const out = mkdtempSync(path.join(os.tmpdir(), 'minerbench-fleet-plan-'));
    const plan = await planRun({
      subnet: 'template',
      flags: { ...f.machines[0]!.jobs[0]!.options, out },
      env: {},
      cwd: out,
    });
    expect(plan.options).toMatchObject({ arrival: 'constant', ratePerS: 25, durationS: 60, maxInFlight: 64, pue: 1.3 });
    expect(plan.origin.ratePerS).toBe('flag --rate');
  });

  it('a scenario with bad run options: every problem named, in the run options’ own words', () => {
    const bad = (scenario: string) =>
      problems(
        fleetDir(
          `plan: { file: plan.yaml }\nmachines:\n  - { name: a, endpoint: 'unix:///x.sock' }\n`,
          `subnets: [template]\nscenarios:\n  s: ${scenario}\n`,
        ),
      ).join('\n');
    // Per option (its schema's message); an open loop without a rate (the arrival model's rule); flags instead of keys.
    expect(bad('{ concurrency: 0, ratePerS: -1 }')).toMatch(/scenarios\.s\.concurrency: must be >= 1/);
    expect(bad('{ concurrency: 0, ratePerS: -1 }')).toMatch(/scenarios\.s\.ratePerS: must be > 0/);
    expect(bad('{ arrival: constant }')).toMatch(/scenarios\.s: --arrival constant needs --rate/);
    expect(bad('{ arrival: bursty }')).toMatch(/scenarios\.s: --arrival bursty: unknown arrival model \(use one of: /);
    expect(bad('{ duration: 30, out: /tmp/x, bogus: 1 }')).toMatch(
      /scenarios\.s: a scenario takes the run options by key .*duration: write durationS \(the option key of --duration\); out: the fleet runner writes runs to its own \/out; bogus: not a run option/,
    );
  });

  it('the shipped plans are valid', () => {
    for (const f of ['benchmarks/nightly.yaml', 'benchmarks/quick.yaml']) {
      const read = readYamlFile(path.join(ROOT, f));
      expect(read.ok && planSchema.safeParse(read.data).success, f).toBe(true);
    }
  });
});
