// What a replay adds around its queries: which path reaches the miner (--miner-path: its axon, or its own service
// directly) and the services its profile asks for (workload.services: a clip server, an S3 sink), checked in VALIDATE.
import { z } from 'zod';
import { formatZodIssues } from '../config/format-issues.ts';
import { defineOption } from '../config/option-spec.ts';
import type { ReplayProfile } from '../config/subnet-profile.ts';
import { SERVICE_OPTIONS } from '../services/service-options.ts';
import { scaleClips, servicesBlockSchema, type ServiceSpec } from '../services/service-specs.ts';
import { DirectHttpSender, type MinerPath } from '../transport/direct-http.ts';
import type { Signer } from '../transport/ephemeral-keys.ts';
import { createTransport } from '../transport/transport-registry.ts';
import type { MinerEndpoint, Transport } from '../transport/transport.ts';

export const MINER_PATH_OPTION = defineOption({
  key: 'minerPath',
  flag: 'miner-path',
  env: 'MINERBENCH_MINER_PATH',
  type: 'string',
  schema: z.enum(['axon', 'direct'], { error: "must be 'axon' or 'direct'" }).nullable(),
  default: null,
  defaultText: "the profile's direct.preferred",
  describe:
    "reach the miner through its axon (as validators do) or its own service directly (profiles with a direct block: vidaio's axon refuses an unregistered hotkey)",
  owner: 'workload replay',
});

const replayBlockSchema = z.strictObject({
  kind: z.literal('replay'),
  /** Services the run starts before the miner (clip server, S3 sink), by the name `inspect` finds them under. */
  services: servicesBlockSchema.optional(),
});

export interface ReplayAround {
  path: MinerPath;
  /** For the result: which path and why. */
  measuredPath: string;
  services: Record<string, ServiceSpec>;
  problems: string[];
}

/** The path measured and the services to start, with every problem (options given where they do not apply...). */
export function replayAround(
  profile: ReplayProfile,
  file: string,
  o: Readonly<Record<string, unknown>>,
  origin: Readonly<Record<string, string>>,
): ReplayAround {
  const problems: string[] = [];
  const asked = (o.minerPath ?? null) as MinerPath | null;
  const direct = profile.direct;
  let path: MinerPath = asked ?? (direct && direct.preferred !== false ? 'direct' : 'axon');
  if (path === 'direct' && !direct) {
    problems.push(`--miner-path direct: ${file} declares no direct block (routes to the miner's own service)`);
    path = 'axon';
  }
  const from = asked ? (origin.minerPath ?? '--miner-path') : "the profile's direct.preferred";
  const measuredPath =
    path === 'direct'
      ? `direct: the miner's own service (${direct!.routes.map((r) => `POST ${r.path}`).join(', ')}), chosen by ${from}; ${direct!.why}`
      : direct
        ? `axon: as validators reach it, chosen by ${from} (the direct route exists: ${direct.why})`
        : 'axon: as validators reach it';
  const services: Record<string, ServiceSpec> = {};
  const block = replayBlockSchema.safeParse(profile.workload ?? { kind: 'replay' });
  if (!block.success)
    for (const p of formatZodIssues(`${file}: workload`, block.error.issues, profile.workload)) problems.push(p);
  let clips = false;
  for (const [name, s] of Object.entries((block.success && block.data.services) || {})) {
    if (s.kind === 'window-world') {
      problems.push(`${file}: workload.services.${name}: a window world needs workload.kind 'window'`);
      continue;
    }
    if (s.kind === 'clip-server') {
      clips = true;
      services[name] = {
        kind: 'clip-server',
        clips: scaleClips(s.clips, Number(o.clipDivisor ?? 1), (o.clipSeconds ?? null) as number | null),
      };
    } else services[name] = { kind: 's3-sink', bucket: s.bucket, env: s.env };
  }
  for (const k of ['windows', 'blockSpeed'])
    if (origin[k] && origin[k] !== 'default') problems.push(`${origin[k]}: only applies to window workloads (grail)`);
  if (!clips)
    for (const spec of SERVICE_OPTIONS)
      if (origin[spec.key] && origin[spec.key] !== 'default')
        problems.push(`${origin[spec.key]}: only applies to subnets whose profile serves clips (vidaio)`);
  return { path, measuredPath, services, problems };
}

/** The transport of the path measured: the profile's (the axon), or its direct routes to the miner's own service. */
export function pathTransport(profile: ReplayProfile, path: MinerPath, signer: Signer): Transport {
  return path === 'direct' && profile.direct
    ? new DirectHttpSender(profile.direct)
    : createTransport(profile.transport, { signer });
}

/** A transport for the ready check, made once per run and closed with it. */
export function readyProber(profile: ReplayProfile, signer: Signer) {
  const transport = createTransport(profile.transport, { signer });
  return {
    probe: async (ep: MinerEndpoint, now: () => number) =>
      (
        await transport.send({ t: 0, synapse: profile.miner.ready.synapse, body: {}, line: 0 }, ep, {
          timeoutS: 2,
          now,
          session: 'ready',
        })
      ).status === 'ok',
    close: () => transport.close(),
  };
}
