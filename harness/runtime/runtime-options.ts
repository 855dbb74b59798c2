// Runtime options: --miner-egress (declared with defineOption) and which network mode a miner gets from it and its profile.
import { z } from 'zod';
import { defineOption } from '../config/option-spec.ts';

export const MINER_EGRESS_OPTION = defineOption({
  key: 'minerEgress',
  flag: 'miner-egress',
  env: 'MINERBENCH_MINER_EGRESS',
  type: 'boolean',
  schema: z.boolean(),
  default: false,
  describe:
    "let the miner's container reach the network outside this machine (the internet); by default it sits on an internal network with no route out",
  owner: 'runtime docker',
});

export const RUNTIME_OPTIONS = [MINER_EGRESS_OPTION] as const;

export interface MinerNetworkMode {
  egress: boolean;
  /** Said in the result: why the miner had (or had not) a route out. */
  from: string;
}

/** Egress when the flag or the profile asks for it; isolated otherwise (the default). */
export function minerNetworkMode(
  profileNetwork: 'isolated' | 'egress' | undefined,
  flagEgress: boolean,
): MinerNetworkMode {
  if (flagEgress) return { egress: true, from: '--miner-egress' };
  if (profileNetwork === 'egress') return { egress: true, from: "the profile's miner.network: egress" };
  return {
    egress: false,
    from: profileNetwork === 'isolated' ? "the profile's miner.network: isolated" : 'the default (no route out)',
  };
}
