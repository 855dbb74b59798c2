// Paths to the recorded nvidia-smi fixtures in this repo (test/fixtures/gpu) and an env that puts the fake nvidia-smi first on PATH.
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GPU_FIXTURES = fileURLToPath(new URL('../fixtures/gpu/', import.meta.url));
export const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin/', import.meta.url));

export function fixture(rel: string): string {
  return join(GPU_FIXTURES, rel);
}

export function readFixture(rel: string): string {
  return readFileSync(fixture(rel), 'utf8');
}

/** Every file under a fixture folder whose name ends with `ext`, as paths relative to test/fixtures/gpu. */
export function fixtureFiles(dir: string, ext: string): string[] {
  return readdirSync(fixture(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))
    .sort();
}

/** process.env with test/fixtures/bin first on PATH and the FAKE_SMI_* settings given (see fake-nvidia-smi.cjs). */
export function fakeSmiEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FAKE_SMI_')));
  return { ...clean, ...settings, PATH: `${FAKE_BIN}${delimiter}${process.env.PATH ?? ''}` };
}
