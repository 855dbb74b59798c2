// The run's own Docker network: internal (no route out) unless egress is asked for; the miner and the services a
// workload needs sit on it, the harness reaches the miner at its address there, and it is removed with the run.
import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import { MinerbenchError } from '../errors.ts';
import { ownerLabels, type Owner } from './owner-labels.ts';

/** Every run network's bridge interface starts with this, so one host firewall rule can cover them all (README). */
export const BRIDGE_PREFIX = 'mbr-';

export interface RunNetwork {
  id: string;
  name: string;
  /** The bridge interface on the host, mbr-<12 hex>. */
  bridge: string;
  /** true: no route out of the network (Docker --internal). */
  internal: boolean;
  subnet: string;
  /** The host's address on the bridge: where a host service listens to be reachable from the network. */
  gateway: string;
}

export function runNetworkName(runId: string): string {
  return `minerbench-${runId}`;
}

function bridgeName(runId: string): string {
  return BRIDGE_PREFIX + createHash('sha256').update(runId).digest('hex').slice(0, 11); // 15 characters at most
}

/** Creates the run's network, labelled like its containers so the next run reaps it if this one is killed. */
export async function createRunNetwork(
  docker: Docker,
  o: { runId: string; egress: boolean; owner: Owner },
): Promise<RunNetwork> {
  const name = runNetworkName(o.runId);
  const bridge = bridgeName(o.runId);
  let created: { id: string };
  try {
    created = await docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      Internal: !o.egress,
      CheckDuplicate: true,
      Attachable: false,
      EnableIPv6: false,
      Labels: { ...ownerLabels(o.runId, o.owner), 'minerbench.network': o.egress ? 'egress' : 'isolated' },
      Options: { 'com.docker.network.bridge.name': bridge },
    });
  } catch (e) {
    throw new MinerbenchError(
      'RUNTIME_FAILED',
      `could not create the miner's network ${name}: ${(e as Error).message}`,
      {
        hint: 'the engine may be out of address pools (docker network prune removes unused networks)',
        cause: e,
      },
    );
  }
  const info = (await docker.getNetwork(created.id).inspect()) as {
    IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string }> };
  };
  const cfg = info.IPAM?.Config?.[0] ?? {};
  return {
    id: created.id,
    name,
    bridge,
    internal: !o.egress,
    subnet: cfg.Subnet ?? '',
    gateway: cfg.Gateway ?? '',
  };
}
/**
 * Where a service minerbench runs on the host (a file server, an S3 sink) must listen for the miner to reach it:
 * the host's address on the run's bridge, e.g. http://<gateway>:<port>/. Listen there, not on 0.0.0.0.
 */
export function hostServiceAddress(net: RunNetwork): string {
  return net.gateway.replace(/\/\d+$/, '');
}

/** The address of a container on the run's network, from its inspect data (the harness connects there). */
export function addressOn(net: RunNetwork, inspected: Docker.ContainerInspectInfo): string | undefined {
  return inspected.NetworkSettings.Networks[net.name]?.IPAddress || undefined;
}

/** Disconnects whatever is still attached (forced) and removes the network; a network already gone is fine. */
export async function removeRunNetwork(docker: Docker, net: RunNetwork): Promise<void> {
  const n = docker.getNetwork(net.id);
  try {
    const info = (await n.inspect()) as { Containers?: Record<string, unknown> };
    for (const id of Object.keys(info.Containers ?? {}))
      await n.disconnect({ Container: id, Force: true }).catch(() => {});
    await n.remove();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
}
