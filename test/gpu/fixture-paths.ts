// Paths to the recorded nvidia-smi output in ../shared/fixtures/gpu and an env that puts the fake nvidia-smi first on PATH.
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readSharedFixture,
  sharedFixture,
  sharedFixtureFiles,
  SHARED_FIXTURES_DIR,
} from '../support/shared-fixtures.ts';

export const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin/', import.meta.url));

/** The absolute path of a recording under ../shared/fixtures/gpu, e.g. fixture('xml/k8s-test-infra/qx-h100.xml'). */
export function fixture(rel: string): string {
  return sharedFixture(`gpu/${rel}`);
}

export function readFixture(rel: string): string {
  return readSharedFixture(`gpu/${rel}`);
}

/** Every recording under a gpu folder whose name ends with `ext`, as paths relative to ../shared/fixtures/gpu. */
export function fixtureFiles(dir: string, ext: string): string[] {
  return sharedFixtureFiles(`gpu/${dir}`, ext).map((f) => `${dir}/${f}`);
}

/**
 * process.env with test/fixtures/bin first on PATH and the FAKE_SMI_* settings given (see fake-nvidia-smi.cjs);
 * FAKE_SMI_FIXTURES tells the fake where the recordings are, so settings may also name them relative to it.
 */
export function fakeSmiEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FAKE_SMI_')));
  return {
    ...clean,
    FAKE_SMI_FIXTURES: `${SHARED_FIXTURES_DIR}/gpu`,
    ...settings,
    PATH: `${FAKE_BIN}${delimiter}${process.env.PATH ?? ''}`,
  };
}
