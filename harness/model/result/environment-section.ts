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
  /** The user the miner ran as ('10001:10001'; 'root (the profile asked for it)'). */
  user: z.string().optional(),
  /** The network the miner sat on, and whether it could reach beyond the machine. */
  network: z.strictObject({ name: z.string(), egress: z.boolean() }).optional(),
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
