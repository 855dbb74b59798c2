// pluginCatalogue: minerbench's subnet plugins by netuid (subnets/*/profile.ts): the kind of miner each is (workload,
// transport, GPUs) and the incentive law it pays by, for the strategist's table; pluginKind says the same for the plain
// listing. Invalid profiles are reported, not fatal.
import { existsSync, statSync } from 'node:fs';
import { BUILTIN_SUBNETS_DIR, listSubnetIds, loadSubnet } from '../../config/subnet-registry.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import type { SubnetProfile } from '../../config/subnet-profile.ts';
import { DEFAULT_LAW_BLOCK } from '../../evaluate/incentive/incentive-laws.ts';
import type { PluginInfo } from '../../evaluate/subnet-verdict.ts';
import { transportRoutes } from '../../transport/transport-registry.ts';

/** A --subnets-dir that is missing, not a folder or holds no plugin is refused (not an empty table). */
export function checkSubnetsDir(dir: string | undefined, flag = '--subnets-dir'): void {
  if (dir === undefined) return;
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new MinerbenchError('USAGE', `${flag} ${dir} is not a folder`, {
      hint: `give the folder that holds your plugins (<id>/profile.ts), or leave ${flag} out for the bundled ones`,
    });
  if (!listSubnetIds(dir).length)
    throw new MinerbenchError('USAGE', `${flag} ${dir} holds no subnet plugin (no <id>/profile.ts)`, {
      hint: `see ${BUILTIN_SUBNETS_DIR}/template for a working plugin`,
    });
}

/** What `minerbench subnets` says of a plugin, in its plain listing and in the strategist's table alike. */
export interface PluginKind {
  /** What the validator makes the miner do: replay, stress, window, none. */
  workload: string;
  /** How the subnet pays (the profile's law, quality-share when it declares none). */
  law: string;
  /** The transport and its routes, for query/response plugins. */
  transport: string | null;
  /** GPUs the plugin takes: its miner's count, or 'all' for a stress workload. */
  gpus: number | 'all';
}

export function pluginKind(profile: SubnetProfile): PluginKind {
  const workload = profile.workload?.kind ?? 'replay';
  return {
    workload,
    law: profile.law?.kind ?? DEFAULT_LAW_BLOCK.kind,
    transport: profile.transport ? `${profile.transport.kind}:${transportRoutes(profile.transport).join('|')}` : null,
    gpus: workload === 'stress' ? 'all' : (profile.miner?.gpus ?? 0),
  };
}

/** "bittensor-synapse, 0 GPUs", "stress, every GPU". */
function shapeOf(profile: SubnetProfile, k: PluginKind): string {
  const how = profile.transport?.kind ?? k.workload;
  return `${how}, ${k.gpus === 'all' ? 'every GPU' : `${k.gpus} GPU${k.gpus === 1 ? '' : 's'}`}`;
}

export async function pluginCatalogue(dir?: string): Promise<{ plugins: Map<number, PluginInfo>; problems: string[] }> {
  const plugins = new Map<number, PluginInfo>();
  const problems: string[] = [];
  const lawsOf = new Map<number, Array<{ id: string; law: string }>>();
  for (const id of listSubnetIds(dir)) {
    try {
      const { profile } = await loadSubnet(id, dir);
      const k = pluginKind(profile);
      const shape = shapeOf(profile, k);
      const known = plugins.get(profile.netuid);
      const laws = lawsOf.get(profile.netuid) ?? [];
      laws.push({ id, law: k.law });
      lawsOf.set(profile.netuid, laws);
      if (!known) plugins.set(profile.netuid, { ids: [id], shape, law: k.law });
      else {
        // Several plugins for one subnet: each one's shape named, and each one's law when they differ.
        if (known.ids.length === 1) known.shape = `${known.ids[0]}: ${known.shape}`;
        known.ids.push(id);
        known.shape += `; ${id}: ${shape}`;
        known.law =
          new Set(laws.map((l) => l.law)).size === 1 ? k.law : laws.map((l) => `${l.id}: ${l.law}`).join('; ');
      }
    } catch (e) {
      problems.push(`subnets/${id}: ${isMinerbenchError(e) ? e.message : String(e)}`);
    }
  }
  return { plugins, problems };
}
