// Chain CLI options: the yargs flags every chain-reading command shares, and their mapping to SnapshotSourceOptions.
import type { Argv } from 'yargs';
import type { SnapshotSourceOptions } from '../chain/load-snapshot-or-default.ts';

export interface ChainCliArgs {
  chain?: string;
  network?: string;
  genesis?: string;
  block?: number;
  netuids?: number[];
  chainTimeout?: number;
  chainRetries?: number;
  offline?: boolean;
}

export function withChainOptions<T>(y: Argv<T>): Argv<T & ChainCliArgs> {
  return y
    .option('chain', {
      type: 'string',
      describe: 'run offline from this chain snapshot (minerbench chain snapshot --out FILE)',
    })
    .option('network', { type: 'string', describe: 'finney, test, archive or a ws:// / wss:// URL [default: finney]' })
    .option('genesis', { type: 'string', describe: 'genesis hash a custom --network URL must report' })
    .option('block', {
      type: 'number',
      describe: 'read at this block [default: latest; old blocks need --network archive]',
    })
    .option('netuids', { type: 'number', array: true, describe: 'only these subnets [default: all]' })
    .option('chain-timeout', { type: 'number', describe: 'seconds to wait for the chain per attempt [default: 15]' })
    .option('chain-retries', {
      type: 'number',
      describe: 'attempts after the first, with doubling backoff from 1 s [default: 2; run: 1]',
    })
    .option('offline', { type: 'boolean', describe: 'do not contact the chain: use the shipped snapshot' }) as Argv<
    T & ChainCliArgs
  >;
}

export function chainSourceFromArgs(a: ChainCliArgs, io: { cwd: string; signal: AbortSignal }): SnapshotSourceOptions {
  return {
    ...(a.chain ? { chain: a.chain } : {}),
    ...(a.network ? { network: a.network } : {}),
    ...(a.genesis ? { genesis: a.genesis } : {}),
    ...(a.block !== undefined ? { block: a.block } : {}),
    ...(a.netuids?.length ? { netuids: a.netuids } : {}),
    ...(a.chainTimeout ? { timeoutMs: a.chainTimeout * 1000 } : {}),
    ...(a.chainRetries !== undefined ? { retries: a.chainRetries } : {}),
    ...(a.offline ? { offline: true } : {}),
    cwd: io.cwd,
    signal: io.signal,
  };
}
