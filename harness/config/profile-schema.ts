// profileSchema: zod schema of a subnet profile; validateProfile reports every problem at once.
import { z } from 'zod';
import { MinerbenchError } from '../errors.ts';
import { formatZodIssues } from './format-issues.ts';
import type { SubnetProfile } from './subnet-profile.ts';

const field = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python identifier'),
  type: z.enum(['int', 'float', 'str', 'bool', 'list', 'dict']),
  required: z.boolean().optional(),
  default: z.unknown().optional(),
});

const httpTransportFields = {
  paths: z.array(z.string().regex(/^\//, 'a path starting with /')).min(1).optional(),
  model: z.string().min(1).optional(),
};

const transport = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('bittensor-synapse'),
    synapse: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python class name'),
    fields: z.array(field),
    hashFields: z.array(z.string()).optional(),
    stream: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('openai-http'), ...httpTransportFields }),
  z.strictObject({ kind: z.literal('epistula'), ...httpTransportFields }),
]);

export const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  netuid: z.number().int().min(0).max(65535),
  title: z.string().min(1),
  miner: z
    .strictObject({
      build: z.string().min(1).optional(),
      image: z.string().min(1).optional(),
      process: z.strictObject({ command: z.array(z.string().min(1)).min(1), cwd: z.string().optional() }).optional(),
      port: z.number().int().min(1).max(65535),
      ready: z.strictObject({ synapse: z.string().min(1), timeoutS: z.number().positive().optional() }),
      gpus: z.number().int().min(0),
      env: z.record(z.string(), z.string()).optional(),
      memoryMb: z.number().int().min(16).optional(),
      pidsLimit: z.number().int().min(8).optional(),
      cpus: z.number().positive().optional(),
      user: z
        .string()
        .regex(
          /^([a-z_][a-z0-9_-]*|\d+)(:([a-z_][a-z0-9_-]*|\d+))?$/,
          "a user name or uid, optionally :group ('root' lets the miner run as root, with a warning)",
        )
        .optional(),
      network: z.enum(['isolated', 'egress']).optional(),
    })
    .refine((m) => Boolean(m.build) !== Boolean(m.image), { message: 'set exactly one of miner.build or miner.image' }),
  transport,
  queries: z.string().min(1),
  validator: z.strictObject({ timeoutS: z.number().positive(), queriesPerMinerPerMinute: z.number().positive() }),
  score: z.custom<SubnetProfile['score']>(
    (v) => typeof v === 'function',
    'a function ({query, response, record}) => number in [0, 1]',
  ),
});

/** Validates a loaded profile; throws CONFIG_INVALID listing every problem with the file it came from. */
export function validateProfile(file: string, raw: unknown): SubnetProfile {
  const r = profileSchema.safeParse(raw);
  if (r.success) return r.data as SubnetProfile;
  throw new MinerbenchError(
    'CONFIG_INVALID',
    `subnet profile ${file} is invalid (${r.error.issues.length} problem(s))`,
    {
      details: formatZodIssues(file, r.error.issues, raw),
      hint: 'fix each field listed; see subnets/template/profile.ts for a working profile',
    },
  );
}
