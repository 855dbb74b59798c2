// pluginCatalogue: minerbench's subnet plugins by netuid (subnets/*/profile.ts): the kind of miner each is (transport,
// GPUs) and the incentive law it declares, for the strategist's table; invalid profiles are reported, not fatal.
import { existsSync, statSync } from 'node:fs';
import { BUILTIN_SUBNETS_DIR, listSubnetIds, loadSubnet } from '../../config/subnet-registry.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import type { PluginInfo } from '../../evaluate/subnet-verdict.ts';

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

/** Reads a field a newer profile schema may carry (law, workload, netuids) without requiring it. */
function optionalField(profile: object, name: string): unknown {
  return (profile as Record<string, unknown>)[name];
}

function describeLaw(law: unknown): string | null {
  if (typeof law === 'string') return law;
  if (law && typeof law === 'object') {
    const o = law as Record<string, unknown>;
    for (const k of ['kind', 'id', 'name', 'law']) if (typeof o[k] === 'string') return o[k] as string;
  }
  return null;
}

export async function pluginCatalogue(dir?: string): Promise<{ plugins: Map<number, PluginInfo>; problems: string[] }> {
  const plugins = new Map<number, PluginInfo>();
  const problems: string[] = [];
  for (const id of listSubnetIds(dir)) {
    try {
      const { profile } = await loadSubnet(id, dir);
      const extra = optionalField(profile, 'netuids');
      const netuids = Array.isArray(extra) ? extra.filter((x): x is number => typeof x === 'number') : [];
      const law = describeLaw(optionalField(profile, 'law')) ?? describeLaw(optionalField(profile, 'workload'));
      const gpus = profile.miner?.gpus ?? 0;
      const how = profile.transport?.kind ?? profile.workload?.kind ?? 'replay';
      const shape = `${how}, ${gpus} GPU${gpus === 1 ? '' : 's'}`;
      for (const netuid of new Set([profile.netuid, ...netuids])) {
        const known = plugins.get(netuid);
        if (!known) plugins.set(netuid, { ids: [id], shape, law });
        else {
          // Several plugins for one subnet: each one's shape and law, named.
          if (known.ids.length === 1) known.shape = `${known.ids[0]}: ${known.shape}`;
          known.ids.push(id);
          known.shape += `; ${id}: ${shape}`;
          if (law) known.law = known.law ? `${known.law}; ${id}: ${law}` : `${id}: ${law}`;
        }
      }
    } catch (e) {
      problems.push(`subnets/${id}: ${isMinerbenchError(e) ? e.message : String(e)}`);
    }
  }
  return { plugins, problems };
}
