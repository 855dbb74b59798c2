// subnetRegistry: finds subnet plugins (subnets/<id>/profile.ts), loads and validates them by id.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MinerbenchError } from '../errors.ts';
import { validateProfile } from './profile-schema.ts';
import type { SubnetProfile } from './subnet-profile.ts';

/** The subnets/ folder shipped with minerbench. */
export const BUILTIN_SUBNETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../subnets');

export interface LoadedProfile {
  profile: SubnetProfile;
  /** Folder of the plugin; profile paths are relative to it. */
  dir: string;
  file: string;
}

/** Why a --subnets-dir / MINERBENCH_SUBNETS_DIR value cannot hold plugins (missing, a file), or null when it can. */
export function subnetsDirProblem(dir: string): string | null {
  if (!existsSync(dir)) return `${dir} does not exist`;
  if (!statSync(dir).isDirectory()) return `${dir} is a file, not a folder of subnet plugins`;
  return null;
}

export function listSubnetIds(dir = BUILTIN_SUBNETS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'profile.ts')))
    .map((d) => d.name)
    .sort();
}

export async function loadSubnet(id: string, dir = BUILTIN_SUBNETS_DIR): Promise<LoadedProfile> {
  const known = listSubnetIds(dir);
  if (!known.includes(id)) {
    const why = subnetsDirProblem(dir);
    throw new MinerbenchError('UNKNOWN_SUBNET', `unknown subnet '${id}'`, {
      hint: known.length
        ? `known subnets: ${known.join(', ')} (minerbench subnets lists them)`
        : `no subnet plugins found in ${dir}${why ? `: ${why}` : ''}`,
    });
  }
  const pluginDir = path.join(dir, id);
  const file = path.join(pluginDir, 'profile.ts');
  const rel = path.relative(process.cwd(), file) || file;
  refuseCommonJsFolder(pluginDir, rel);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (e) {
    throw new MinerbenchError('CONFIG_INVALID', `subnet profile ${rel} could not be loaded: ${(e as Error).message}`, {
      hint: 'fix the syntax or imports of the profile',
      cause: e,
    });
  }
  const profile = validateProfile(rel, mod.default);
  const missing = buildFolderProblems(profile, pluginDir, rel);
  if (missing.length) {
    throw new MinerbenchError('CONFIG_INVALID', `subnet profile ${rel} is invalid (${missing.length} problem(s))`, {
      details: missing,
      hint: "paths in a profile are relative to the profile's folder; point each at what exists",
    });
  }
  if (profile.id !== id) {
    throw new MinerbenchError(
      'CONFIG_INVALID',
      `subnet profile ${rel} declares id '${profile.id}' but lives in folder '${id}'`,
      {
        hint: `set id: '${id}' or rename the folder`,
      },
    );
  }
  return { profile, dir: pluginDir, file };
}

/** The build folder the profile names, if it is not there: found now, before anything starts, not as an ENOENT later. */
function buildFolderProblems(profile: SubnetProfile, pluginDir: string, rel: string): string[] {
  const problems: string[] = [];
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  };
  const build = profile.miner?.build;
  if (build) {
    const at = path.resolve(pluginDir, build);
    const k = kind(at);
    if (k !== 'folder')
      problems.push(
        `${rel}: miner.build: '${build}' (${at}) ${k === 'missing' ? 'does not exist' : 'is a file, not a folder'}`,
      );
    else if (kind(path.join(at, 'Dockerfile')) !== 'file')
      problems.push(`${rel}: miner.build: '${build}' (${at}) holds no Dockerfile`);
  }
  return problems;
}

/**
 * A profile.ts is an ES module importing minerbench's ES modules; Node loads a .ts outside any package whose
 * package.json says "type": "module" as CommonJS, and fails with "Cannot require() ES Module ... in a cycle".
 */
function refuseCommonJsFolder(pluginDir: string, rel: string): void {
  for (let d = pluginDir; ; d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (existsSync(pkg)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: unknown }).type;
      } catch {
        type = undefined;
      }
      if (type === 'module') return;
      throw esmNeeded(rel, pluginDir, `${pkg} does not say "type": "module"`);
    }
    if (path.dirname(d) === d) throw esmNeeded(rel, pluginDir, 'no package.json above it says "type": "module"');
  }
}

function esmNeeded(rel: string, pluginDir: string, why: string): MinerbenchError {
  const add = path.join(path.dirname(pluginDir), 'package.json');
  return new MinerbenchError(
    'CONFIG_INVALID',
    `subnet profile ${rel} would load as CommonJS (${why}): add ${add} containing {"type": "module"}`,
    { hint: 'a profile is an ES module; or give the package.json that is there "type": "module"' },
  );
}
