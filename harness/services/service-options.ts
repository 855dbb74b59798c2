// Options of the services a run starts for its miner (clip size and length), declared once; workloads that start
// services list them among their options.
import { z } from 'zod';
import { defineOption } from '../config/option-spec.ts';

export const SERVICE_OPTIONS = [
  defineOption({
    key: 'clipDivisor',
    flag: 'clip-divisor',
    env: 'MINERBENCH_CLIP_DIVISOR',
    type: 'number',
    schema: z.number().int('a whole number').min(1, 'must be >= 1 (1 = the validator sizes)').max(64),
    default: 1,
    describe:
      'generated clips this many times smaller on each side than the validator sends (CPU-only checks); 1 = the real sizes',
    owner: 'services',
  }),
  defineOption({
    key: 'clipSeconds',
    flag: 'clip-seconds',
    env: 'MINERBENCH_CLIP_SECONDS',
    type: 'number',
    schema: z.number().positive('must be > 0 (seconds)').max(600, 'at most 600 s').nullable(),
    default: null,
    defaultText: "the profile's clip length",
    describe: 'length of each generated clip, seconds',
    owner: 'services',
  }),
] as const;
