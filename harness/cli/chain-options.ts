// Chain CLI options: the flags every chain-reading command shares, declared once (defineOption), validated all at once,
// and mapped to SnapshotSourceOptions.
import type { Argv } from 'yargs';
import { z } from 'zod';
import type { SnapshotSourceOptions } from '../chain/load-snapshot-or-default.ts';
import { MinerbenchError } from '../errors.ts';
import { defineOption, finite, resolveOptions, type OptionSpec } from '../config/option-spec.ts';
import { yargsOptions } from './option-flags.ts';

const netuid = z
  .number({ error: 'must be a netuid (an integer 0-65535)' })
  .int('must be a netuid (an integer 0-65535)')
  .min(0, 'must be a netuid (an integer 0-65535)')
  .max(65_535, 'must be a netuid (an integer 0-65535)');

export const CHAIN_OPTION_SPECS = [
  defineOption({
    key: 'chain',
    flag: 'chain',
    type: 'string',
    schema: z.string().min(1, 'must name a snapshot file').optional(),
    default: undefined,
    describe: 'run offline from this chain snapshot (minerbench chain snapshot --out FILE)',
    owner: 'chain',
  }),
  defineOption({
    key: 'network',
    flag: 'network',
    type: 'string',
    schema: z.string().min(1, 'must be finney, test, archive or a ws:// / wss:// URL').optional(),
    default: undefined,
    describe: 'finney, test, archive or a ws:// / wss:// URL [default: finney]',
    owner: 'chain',
  }),
  defineOption({
    key: 'genesis',
    flag: 'genesis',
    type: 'string',
    schema: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hash')
      .optional(),
    default: undefined,
    describe: 'genesis hash a custom --network URL must report',
    owner: 'chain',
  }),
  defineOption({
    key: 'block',
    flag: 'block',
    type: 'number',
    schema: finite('a block number').int('must be a whole block number').min(0, 'must be >= 0').optional(),
    default: undefined,
    describe: 'read at this block [default: latest; old blocks need --network archive]',
    owner: 'chain',
  }),
  defineOption({
    key: 'netuids',
    flag: 'netuids',
    type: 'number',
    array: true,
    schema: z.array(netuid).optional(),
    default: undefined,
    describe: 'only these subnets [default: all but root]',
    owner: 'chain',
  }),
  defineOption({
    key: 'chainTimeout',
    flag: 'chain-timeout',
    type: 'number',
    schema: finite('seconds').positive('must be > 0 seconds').max(3600, 'must be at most 3600 seconds').optional(),
    default: undefined,
    describe: 'seconds to wait for the chain per attempt [default: 15]',
    owner: 'chain',
  }),
  defineOption({
    key: 'chainRetries',
    flag: 'chain-retries',
    type: 'number',
    schema: finite('attempts').int('must be a whole number').min(0, 'must be >= 0').max(20, 'must be <= 20').optional(),
    default: undefined,
    describe: 'attempts after the first, with doubling backoff from 1 s [default: 2; run: 1]',
    owner: 'chain',
  }),
  defineOption({
    key: 'offline',
    flag: 'offline',
    type: 'boolean',
    schema: z.boolean().optional(),
    default: undefined,
    describe: 'do not contact the chain: use the shipped snapshot',
    owner: 'chain',
  }),
  defineOption({
    key: 'fallbackSnapshot',
    flag: 'fallback-snapshot',
    type: 'boolean',
    schema: z.boolean().optional(),
    default: undefined,
    describe: 'when the chain does not answer, use the shipped snapshot [default: only when no --network is named]',
    owner: 'chain',
  }),
] as const;

export interface ChainCliArgs {
  chain?: string;
  network?: string;
  genesis?: string;
  block?: number;
  netuids?: number[];
  chainTimeout?: number;
  chainRetries?: number;
  offline?: boolean;
  fallbackSnapshot?: boolean;
}

/** The live-chain subset (for `chain snapshot`, which reads the chain and never falls back). */
export const LIVE_CHAIN_FLAGS = ['network', 'genesis', 'block', 'netuids', 'chain-timeout', 'chain-retries'];

/** Registers the chain flags (all, or the ones named) from their declarations. */
export function withChainOptions<T>(y: Argv<T>, only?: readonly string[]): Argv<T & ChainCliArgs> {
  const specs = (CHAIN_OPTION_SPECS as readonly OptionSpec[]).filter((s) => !only || only.includes(s.flag));
  return y.options(yargsOptions(specs)) as unknown as Argv<T & ChainCliArgs>;
}

/** Every chain flag problem (NaN, negative, non-integer netuids, a bad genesis, conflicting sources), each naming its flag. */
export function chainArgProblems(a: ChainCliArgs): string[] {
  const flags: Record<string, unknown> = {};
  for (const spec of CHAIN_OPTION_SPECS) flags[spec.key] = a[spec.key as keyof ChainCliArgs];
  const { problems } = resolveOptions(CHAIN_OPTION_SPECS, flags, {});
  if (a.chain && a.network) problems.push('--chain FILE and --network both given: use one source of chain data');
  if (a.offline && a.network) problems.push('--offline and --network both given: --offline never contacts the chain');
  if (a.block !== undefined && (a.chain || a.offline))
    problems.push(`--block reads the live chain at that block: not with ${a.chain ? '--chain FILE' : '--offline'}`);
  return problems;
}

/** Every chain flag problem at once, as a USAGE error. */
export function validateChainArgs(a: ChainCliArgs): void {
  const problems = chainArgProblems(a);
  if (problems.length)
    throw new MinerbenchError('USAGE', `invalid chain option${problems.length > 1 ? 's' : ''}`, {
      details: problems,
      hint: 'minerbench <command> --help lists what each chain option takes',
    });
}

export function chainSourceFromArgs(a: ChainCliArgs, io: { cwd: string; signal: AbortSignal }): SnapshotSourceOptions {
  validateChainArgs(a);
  return {
    ...(a.chain ? { chain: a.chain } : {}),
    ...(a.network ? { network: a.network } : {}),
    ...(a.genesis ? { genesis: a.genesis } : {}),
    ...(a.block !== undefined ? { block: a.block } : {}),
    ...(a.netuids?.length ? { netuids: a.netuids } : {}),
    ...(a.chainTimeout ? { timeoutMs: a.chainTimeout * 1000 } : {}),
    ...(a.chainRetries !== undefined ? { retries: a.chainRetries } : {}),
    ...(a.offline ? { offline: true } : {}),
    ...(a.fallbackSnapshot !== undefined ? { fallback: a.fallbackSnapshot } : {}),
    cwd: io.cwd,
    signal: io.signal,
  };
}
