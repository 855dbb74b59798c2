// subnetRegistry: finds subnet plugins (subnets/<id>/profile.ts), loads and validates them by id.
import { existsSync, readdirSync } from 'node:fs';
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
    throw new MinerbenchError('UNKNOWN_SUBNET', `unknown subnet '${id}'`, {
      hint: known.length
        ? `known subnets: ${known.join(', ')} (minerbench subnets lists them)`
        : `no subnet plugins found in ${dir}`,
    });
  }
  const pluginDir = path.join(dir, id);
  const file = path.join(pluginDir, 'profile.ts');
  const rel = path.relative(process.cwd(), file) || file;
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
