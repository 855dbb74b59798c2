// openRunServices: COLLECT's services step: the run's network first (Docker: the services listen on its gateway, the
// miner joins it), then the services the workload asked for; close() stops them, lists the sink's uploads with size and
// sha256 (artifacts/uploads.json), keeps what each service recorded (artifacts/services.json) and removes the network.
import path from 'node:path';
import type Docker from 'dockerode';
import { writeFileAtomic } from '../artifacts/atomic-write.ts';
import type { RunFolder } from '../artifacts/run-folder.ts';
import type { RunEventSink } from '../model/run-events.ts';
import {
  SERVICES_ARTIFACT,
  UPLOADS_ARTIFACT,
  UPLOADS_LISTING_KIND,
  type UploadsListing,
} from '../model/uploads-listing.ts';
import { createRunNetwork, hostServiceAddress, removeRunNetwork, type RunNetwork } from '../runtime/miner-network.ts';
import { thisOwner } from '../runtime/owner-labels.ts';
import { minerNetworkMode, type MinerNetworkMode } from '../runtime/runtime-options.ts';
import { runtimeKind } from '../runtime/runtime-registry.ts';
import type { S3SinkRecord } from '../services/s3-sink.ts';
import type { ServiceSpec } from '../services/service-specs.ts';
import { startServices, uploadsDirOf, type RunServices } from '../services/start-services.ts';
import type { RunPlan } from './plan-run.ts';

export interface OpenRunServicesInput {
  specs: Readonly<Record<string, ServiceSpec>>;
  runId: string;
  /** Set when the miner runs in Docker: the run's network is made here and handed to the runtime. */
  docker: Docker | undefined;
  network: MinerNetworkMode;
  folder: RunFolder;
  /** The output folder: clips are cached under <out>/cache/clips. */
  outDir: string;
  now: () => number;
  signal: AbortSignal;
  onStep: (detail: string) => void;
}

export interface OpenedServices {
  network: RunNetwork | undefined;
  services: RunServices;
  /** Stops everything (once), writes the artifacts and removes the network; returns what went wrong, as warnings. */
  close(): Promise<string[]>;
}

/** The services the run's workload asked for, opened for its runtime (undefined when it asked for none). */
export async function servicesOfRun(
  plan: RunPlan,
  runId: string,
  docker: Docker | undefined,
  folder: RunFolder,
  now: () => number,
  signal: AbortSignal,
  emit: RunEventSink,
  warnings: string[],
): Promise<OpenedServices | undefined> {
  const wp = plan.workloadPlan;
  const o = plan.options;
  if (!wp.services || !Object.keys(wp.services).length) return undefined;
  const inDocker = wp.miner !== null && runtimeKind(String(o.runtime)).needsDocker;
  const opened = await openRunServices({
    specs: wp.services,
    runId,
    docker: inDocker ? docker : undefined,
    network: minerNetworkMode(wp.miner?.miner.network, o.minerEgress === true),
    folder,
    outDir: plan.outDir,
    now,
    signal,
    onStep: (detail) => emit({ type: 'phase', phase: 'start', detail }),
  });
  if (o.runtime === 'external') {
    const w = `--runtime external: minerbench does not start this miner, so it cannot give it ${Object.keys(opened.services.env).join(', ')}; its uploads reach the run's sink only if it was started with them`;
    warnings.push(w);
    emit({ type: 'warning', message: w });
  }
  return opened;
}

export async function openRunServices(i: OpenRunServicesInput): Promise<OpenedServices> {
  const network = i.docker
    ? await createRunNetwork(i.docker, { runId: i.runId, egress: i.network.egress, owner: thisOwner() })
    : undefined;
  let services: RunServices;
  try {
    // A miner in Docker reaches the host only at its network's gateway; a local process (or external miner) at loopback.
    services = await startServices({
      specs: i.specs,
      host: network ? hostServiceAddress(network) : '127.0.0.1',
      uploadsDir: uploadsDirOf(i.folder.artifactsDir),
      clipsCacheDir: path.join(i.outDir, 'cache', 'clips'),
      now: i.now,
      signal: i.signal,
      onStep: i.onStep,
    });
  } catch (e) {
    if (network && i.docker) await removeRunNetwork(i.docker, network).catch(() => undefined);
    throw e;
  }
  let closing: Promise<string[]> | null = null;
  const close = () =>
    (closing ??= (async () => {
      const problems: string[] = [];
      try {
        const records = await services.stop();
        writeArtifacts(i.folder, i.specs, services, records, network);
      } catch (e) {
        problems.push(`could not stop the run's services cleanly: ${(e as Error).message}`);
      }
      if (network && i.docker)
        await removeRunNetwork(i.docker, network).catch((e: Error) =>
          problems.push(`could not remove the run's network ${network.name}: ${e.message}`),
        );
      return problems;
    })());
  return { network, services, close };
}

function writeArtifacts(
  folder: RunFolder,
  specs: Readonly<Record<string, ServiceSpec>>,
  services: RunServices,
  records: Record<string, unknown>,
  network: RunNetwork | undefined,
): void {
  const listing: UploadsListing = { kind: UPLOADS_LISTING_KIND, version: 1, sinks: {} };
  const kept: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const record = records[name];
    const started = services.started[name];
    if (spec.kind === 's3-sink' && record) {
      const r = record as S3SinkRecord;
      listing.sinks[name] = {
        bucket: r.bucket,
        uploads: r.uploads,
        refused: r.refused,
        firstRefused: r.operations
          .filter((o) => o.status >= 400)
          .slice(0, 20)
          .map((o) => ({ op: o.op, key: o.key, status: o.status, code: o.code ?? '' })),
      };
      // the listing holds the uploads; the operations stay here
      kept[name] = { kind: r.kind, endpoint: r.endpoint, bucket: r.bucket, operations: r.operations };
    } else kept[name] = { ...(record as object), ...(started?.clips ? { clips: started.clips } : {}) };
  }
  writeFileAtomic(path.join(folder.artifactsDir, UPLOADS_ARTIFACT), JSON.stringify(listing, null, 1));
  writeFileAtomic(
    path.join(folder.artifactsDir, SERVICES_ARTIFACT),
    JSON.stringify(
      {
        kind: 'minerbench.services',
        version: 1,
        network: network ? { name: network.name, gateway: hostServiceAddress(network) } : null,
        services: kept,
      },
      null,
      1,
    ),
  );
}
