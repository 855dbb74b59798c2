// The house's floors: no file under harness/ or reports/ imports from a higher floor, shipped code never imports from
// test/, and the pure floors (model, evaluate) import no I/O. Imports are read with TypeScript's own pre-processor
// (static, dynamic, type-only and re-exports alike).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Lowest first. Where a room sits against ARCHITECTURE.md's list: `artifacts` (run-folder writers) and `services` (the
 * HTTP services a workload runs beside the miner) sit with runtime and load, the workers of a run; `workload` (the kinds
 * that plan, collect and evaluate a run) sits with capture, above the load and runtime it drives.
 */
const FLOORS: ReadonlyArray<readonly string[]> = [
  ['model', 'errors.ts', 'version.ts'],
  ['config'],
  ['evaluate'],
  ['gpu', 'chain', 'transport'],
  ['runtime', 'load', 'artifacts', 'services'],
  ['capture', 'workload'],
  ['results'],
  ['reports'],
  ['run'],
  ['fleet'],
  ['cli'],
];
const floorOf = new Map(FLOORS.flatMap((rooms, i) => rooms.map((r) => [r, i] as const)));

/** Packages the pure floors may import: zod and the HDR histogram (computation only) (no fs, clock, process, network). */
const PURE_ROOMS = new Set(['model', 'evaluate']);
const PURE_PACKAGES = new Set(['zod', 'hdr-histogram-js']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(p);
    return /\.(ts|mts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** harness/<room>/... -> room; harness/errors.ts -> errors.ts; reports/... -> reports; anything else: its top folder. */
function roomOf(abs: string): string {
  const parts = path.relative(ROOT, abs).split(path.sep);
  if (parts[0] === 'harness') return parts[1]!;
  return parts[0]!;
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const shipped = ['harness', 'reports', 'subnets', 'bin'].flatMap((d) => filesUnder(path.join(ROOT, d)));
const layered = shipped.filter((f) => ['harness', 'reports'].includes(path.relative(ROOT, f).split(path.sep)[0]!));

describe('floors', () => {
  it('reads the imports of every file (sanity: the scan sees the known arrows)', () => {
    // harness/run/plan-run.ts imports config (floor 1) and the run option table (its own floor): at least two.
    const planRun = importsOf(path.join(ROOT, 'harness/run/plan-run.ts')).filter((s) => s.startsWith('.'));
    expect(planRun.length).toBeGreaterThanOrEqual(2);
    expect(layered.length).toBeGreaterThan(200);
  });

  it('every room under harness/ has a floor', () => {
    const unplaced = [...new Set(layered.map(roomOf))].filter((r) => !floorOf.has(r));
    expect(unplaced, 'add each new room to FLOORS in this test').toEqual([]);
  });

  it('no import runs back up a floor', () => {
    const up: string[] = [];
    for (const file of layered) {
      const from = roomOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        // test/ and other trees are checked below; only arrows between floors are checked here.
        if (!['harness', 'reports'].includes(path.relative(ROOT, target).split(path.sep)[0]!)) continue;
        const to = roomOf(target);
        const a = floorOf.get(from);
        const b = floorOf.get(to);
        if (a !== undefined && b !== undefined && b > a)
          up.push(`${path.relative(ROOT, file)} (${from}, floor ${a}) imports ${spec} (${to}, floor ${b})`);
      }
    }
    expect(up).toEqual([]);
  });

  it('no shipped file (harness/, reports/, subnets/, bin/) imports from test/', () => {
    const bad: string[] = [];
    for (const file of shipped) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const rel = path.relative(ROOT, path.resolve(path.dirname(file), spec));
        if (rel.split(path.sep)[0] === 'test') bad.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the pure floors (model, evaluate) import no I/O: only each other and zod', () => {
    const bad: string[] = [];
    for (const file of layered.filter((f) => PURE_ROOMS.has(roomOf(f)))) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.') || PURE_PACKAGES.has(spec)) continue;
        bad.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
