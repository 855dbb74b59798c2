// The environment section of a result: the host, Docker, where the miner ran, the CPU split and the GPUs.
import { z } from 'zod';

export const runtimeInfoSchema = z.strictObject({
  kind: z.string(),
  image: z
    .strictObject({
      id: z.string(),
      tag: z.string(),
      digest: z.string().optional(),
      baseImage: z.string().optional(),
      buildSeconds: z.number().optional(),
    })
    .optional(),
  container: z.strictObject({ id: z.string(), name: z.string() }).optional(),
  limits: z
    .strictObject({ memoryMb: z.number().optional(), pidsLimit: z.number().optional(), cpus: z.number().optional() })
    .optional(),
  gpus: z.array(z.string()).optional(),
  process: z.strictObject({ pid: z.number(), command: z.string(), cwd: z.string() }).optional(),
  external: z.strictObject({ host: z.string(), port: z.number() }).optional(),
  /** Who the miner ran as; root is a warning in the output and the result. */
  user: z.strictObject({ id: z.string(), root: z.boolean(), from: z.string() }).optional(),
  /** The miner's network: isolated (no route out) unless the profile or --miner-egress asked for egress. */
  network: z.strictObject({ mode: z.enum(['isolated', 'egress']), name: z.string(), from: z.string() }).optional(),
  /** Bytes of the miner's output left out of the kept miner.log (its start and end are kept). */
  logCutBytes: z.number().int().min(0).optional(),
});

export const environmentSchema = z.strictObject({
  host: z.strictObject({
    hostname: z.string(),
    /** The fleet's name for the machine (MINERBENCH_MACHINE_NAME). */
    name: z.string().optional(),
    os: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cpuCores: z.number().int(),
    memoryGb: z.number(),
  }),
  node: z.string(),
  docker: z.strictObject({ version: z.string(), apiVersion: z.string() }).nullable(),
  runtime: runtimeInfoSchema,
  /** Cores kept for minerbench and given to miners (null: shared, on machines under 4 cores). */
  cpuSplit: z.strictObject({ harness: z.string().nullable(), miners: z.string().nullable() }),
  gpus: z.discriminatedUnion('available', [
    z.strictObject({ available: z.literal(false), reason: z.string() }),
    z.strictObject({
      available: z.literal(true),
      driver: z.string().nullable(),
      cuda: z.string().nullable(),
      devices: z.array(
        z.strictObject({
          index: z.number().int(),
          uuid: z.string(),
          name: z.string(),
          powerLimitW: z.number().nullable(),
          assigned: z.boolean(),
        }),
      ),
      /** What the miner was given (GPU or MIG UUIDs). */
      assignedDeviceIds: z.array(z.string()),
    }),
  ]),
});

export type RuntimeInfo = z.infer<typeof runtimeInfoSchema>;
export type Environment = z.infer<typeof environmentSchema>;
