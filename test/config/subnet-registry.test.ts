// Tests of plugin loading: a missing build folder is a profile error before anything starts; a plugin folder outside
// an ES module package is refused with what to add, and loads once it is added (in a real process, through tsx).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSubnet, subnetsDirProblem } from '../../harness/config/subnet-registry.ts';
import type { MinerbenchError } from '../../harness/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKER = fileURLToPath(new URL('./support/load-subnet-worker.ts', import.meta.url));
let dir: string;

/** A plugin folder <dir>/<id>/profile.ts spreading the template, with `build` as its miner.build. */
function plugin(id: string, build: string): void {
  mkdirSync(path.join(dir, id), { recursive: true });
  writeFileSync(
    path.join(dir, id, 'profile.ts'),
    `import { defineSubnet } from ${JSON.stringify(path.join(ROOT, 'harness/config/subnet-profile.ts'))};
import template from ${JSON.stringify(path.join(ROOT, 'subnets/template/profile.ts'))};
export default defineSubnet({ ...template, id: '${id}', miner: { ...template.miner, build: '${build}' } });
`,
  );
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mb-plugins-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSubnet', () => {
  it('refuses a miner.build folder that does not exist, naming the profile file and the field', async () => {
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
    plugin('nobuild', './minr');
    const e = (await loadSubnet('nobuild', dir).catch((x: unknown) => x)) as MinerbenchError;
    expect(e.code).toBe('CONFIG_INVALID');
    const file = path.relative(process.cwd(), path.join(dir, 'nobuild/profile.ts'));
    expect(e.message).toBe(`subnet profile ${file} is invalid (1 problem(s))`);
    expect(e.details).toEqual([`${file}: miner.build: './minr' (${path.join(dir, 'nobuild/minr')}) does not exist`]);
  });

  it('refuses a build folder without a Dockerfile', async () => {
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
    plugin('nodockerfile', './miner');
    mkdirSync(path.join(dir, 'nodockerfile/miner'));
    const e = (await loadSubnet('nodockerfile', dir).catch((x: unknown) => x)) as MinerbenchError;
    expect(e.details).toEqual([
      expect.stringMatching(/miner\.build: '\.\/miner' \(.+nodockerfile\/miner\) holds no Dockerfile$/),
    ]);
  });

  it('a plugin folder outside the repository: refused with what to add, then loads once it is added', () => {
    plugin('outside', path.join(ROOT, 'subnets/template/miner'));
    const load = () =>
      spawnSync(process.execPath, ['--import', 'tsx', WORKER, 'outside', dir], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const before = load();
    expect(before).toContain('CONFIG_INVALID: subnet profile');
    expect(before).toContain(
      `would load as CommonJS (no package.json above it says "type": "module"): add ${path.join(dir, 'package.json')} containing {"type": "module"}`,
    );
    expect(before).not.toContain('Cannot require() ES Module');
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
    expect(load()).toBe('loaded outside\n');
  });

  it('a package.json without "type": "module" is named as the reason', async () => {
    writeFileSync(path.join(dir, 'package.json'), '{"name": "my-plugins"}');
    plugin('cjs', path.join(ROOT, 'subnets/template/miner'));
    const e = (await loadSubnet('cjs', dir).catch((x: unknown) => x)) as MinerbenchError;
    expect(e.message).toContain(`(${path.join(dir, 'package.json')} does not say "type": "module")`);
  });

  it('says why a subnets folder cannot hold plugins', async () => {
    expect(subnetsDirProblem(dir)).toBeNull();
    expect(subnetsDirProblem(path.join(dir, 'nope'))).toBe(`${path.join(dir, 'nope')} does not exist`);
    writeFileSync(path.join(dir, 'f'), '');
    expect(subnetsDirProblem(path.join(dir, 'f'))).toBe(
      `${path.join(dir, 'f')} is a file, not a folder of subnet plugins`,
    );
    const e = (await loadSubnet('x', path.join(dir, 'nope')).catch((x: unknown) => x)) as MinerbenchError;
    expect(e.hint).toBe(
      `no subnet plugins found in ${path.join(dir, 'nope')}: ${path.join(dir, 'nope')} does not exist`,
    );
  });
});
