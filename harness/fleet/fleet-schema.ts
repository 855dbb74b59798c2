// fleetSchema: zod schema of a fleet file (fleet.yaml): machines and their Docker endpoints, the plan, results, concurrency.
import { z } from 'zod';

const path = z.string().min(1);

export const machineSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes (at most 63)'),
  /** unix:///var/run/docker.sock, ssh://user@host, tcp://host:2376 (with tls). */
  endpoint: z.string().min(1),
  tls: z.strictObject({ ca: path, cert: path, key: path }).optional(),
  ssh: z.strictObject({ key: path }).optional(),
  /** The engine's socket path on that host, mounted into the runner only [default: the unix endpoint, else /var/run/docker.sock]. */
  hostSocket: z.string().startsWith('/', 'an absolute path').optional(),
  /** GPUs the machine's runs may use: 'all', 'none', or indexes / UUIDs [default: none]. */
  gpus: z
    .union([z.enum(['all', 'none']), z.array(z.union([z.number().int().min(0), z.string().min(1)])).min(1)])
    .optional(),
  labels: z.record(z.string(), z.string()).optional(),
  /** Only these of the plan's subnets on this machine [default: all of them]. */
  subnets: z.array(z.string().min(1)).min(1).optional(),
});

export const fleetSchema = z.strictObject({
  name: z.string().min(1).optional(),
  plan: z.strictObject({
    /** A plan file, relative to the fleet file (benchmarks/nightly.yaml). */
    file: path,
    subnets: z.array(z.string().min(1)).min(1).optional(),
    scenarios: z.array(z.string().min(1)).min(1).optional(),
    repeats: z.number().int().min(1).max(100).optional(),
  }),
  /** Where results go (runs/, minerbench.db, fleet/), relative to the fleet file [default: .minerbench]. */
  results: path.optional(),
  /** Machines benchmarked at once [default: 4]. */
  concurrency: z.number().int().min(1).max(256).optional(),
  baseline: z.strictObject({ nights: z.number().int().min(1).max(90) }).optional(),
  runner: z
    .strictObject({
      /** BASE_IMAGE of the runner image: any glibc Debian/Ubuntu image on the host [default: the offline base, else debian:bookworm-slim]. */
      baseImage: z.string().min(1).optional(),
      /** BASE_IMAGE for miner builds on the hosts (as --base-image). */
      minerBaseImage: z.string().min(1).optional(),
      /** A machine whose runner has not finished after this long is stopped [default: 240]. */
      timeoutMinutes: z.number().positive().optional(),
    })
    .optional(),
  machines: z.array(machineSchema).min(1),
});

export type FleetFile = z.infer<typeof fleetSchema>;
export type MachineFile = z.infer<typeof machineSchema>;
