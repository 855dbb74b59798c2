// `minerbench run <subnets..>`: benchmarks subnets on this machine and prints where the result and report are.
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { progressPrinter } from '../progress-printer.ts';
import { runBenchmark } from '../../run/run-benchmark.ts';
import { GpuQueue } from '../../run/gpu-queue.ts';
import { cpuSplit, pinHarness } from '../../run/cpu-split.ts';
import { loadSubnet } from '../../config/subnet-registry.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import { formatError } from '../print-error.ts';
import { ARRIVAL_EXAMPLES, ARRIVAL_OPTIONS, arrivalFlagsFromArgs, type ArrivalCliArgs } from './arrival-options.ts';
import {
  chainSourceFromArgs,
  loadSnapshotOrDefault,
  pricesFromArgs,
  withChainOptions,
  withPriceOptions,
  type ChainCliArgs,
  type PriceCliArgs,
} from './subnets-earnings.ts';
import { earningsOptionsFromArgs, withEarningsOptions } from './earnings-options.ts';
import { maxOf } from '../../model/min-max.ts';

interface RunArgs extends ChainCliArgs, PriceCliArgs, ArrivalCliArgs {
  subnets: string[];
  concurrency?: number;
  queries?: number;
  duration?: number;
  warmup?: number;
  out?: string;
  baseImage?: string;
  gpus?: string;
  timeout?: number;
  json?: boolean;
  subnetsDir?: string;
  runtime?: string;
  endpoint?: string;
  minerHotkey?: string;
  idleSeconds?: number;
  sampleMs?: number;
  pue?: number;
  tenureDays?: number;
  rankRule?: string;
}

/** --subnets-dir, else MINERBENCH_SUBNETS_DIR, else the bundled plugins. */
export function subnetsDir(
  argv: { subnetsDir?: string },
  io: { env: NodeJS.ProcessEnv; cwd: string },
): string | undefined {
  const d = argv.subnetsDir ?? io.env.MINERBENCH_SUBNETS_DIR;
  return d ? path.resolve(io.cwd, d) : undefined;
}

export const runCommand: CliCommand<RunArgs> = {
  command: 'run <subnets..>',
  describe: 'benchmark subnet reference miners in Docker on this machine',
  builder: (y: Argv) =>
    withEarningsOptions(withPriceOptions(withChainOptions(y)))
      .positional('subnets', { type: 'string', array: true, describe: 'subnet ids (minerbench subnets lists them)' })
      .options(ARRIVAL_OPTIONS)
      .example(ARRIVAL_EXAMPLES)
      .option('concurrency', { type: 'number', describe: 'concurrent queries (closed loop) [default: 8]' })
      .option('queries', { type: 'number', describe: 'measured queries to send [default: every query in the file]' })
      .option('duration', { type: 'number', describe: 'or: seconds to measure for' })
      .option('warmup', { type: 'number', describe: 'warm-up queries, not measured [default: 20]' })
      .option('timeout', {
        type: 'number',
        describe: "per-query timeout in seconds [default: the profile's validator timeout]",
      })
      .option('out', { type: 'string', describe: 'output folder [default: .minerbench]' })
      .option('base-image', { type: 'string', describe: 'BASE_IMAGE build argument for miner images' })
      .option('gpus', { type: 'string', describe: 'GPU indexes or UUIDs to use, e.g. 0,3' })
      .option('runtime', {
        type: 'string',
        describe:
          'where the miner runs: docker, process (a local process, no Docker), external (--endpoint) [default: docker]',
      })
      .option('endpoint', { type: 'string', describe: 'HOST:PORT of an already running miner (--runtime external)' })
      .option('miner-hotkey', {
        type: 'string',
        describe: 'SS58 hotkey the external miner verifies signatures with (--runtime external)',
      })
      .option('idle-seconds', { type: 'number', describe: 'idle GPU power baseline before load, seconds [default: 5]' })
      .option('sample-ms', {
        type: 'number',
        describe: 'GPU power sampling period in ms (nvidia-smi -lms) [default: 100]',
      })
      .option('json', { type: 'boolean', describe: 'print the result JSON on stdout' })
      .option('subnets-dir', {
        type: 'string',
        describe: 'folder of your own subnet plugins [default: the bundled subnets/]',
      })
      .example('$0 run template', 'benchmark the subnet template miner with the defaults')
      .example('$0 run template --concurrency 16 --duration 60', 'one minute at 16 concurrent queries'),
  handler: async (argv, io) => {
    // Every subnet is found and checked before anything starts; GPU miners run at once on disjoint GPUs (queueing
    // for them), CPU-only miners one after another afterwards, so they do not compete for the harness's cores.
    const dir = subnetsDir(argv, io);
    const needsGpu = new Map<string, boolean>();
    for (const id of argv.subnets)
      needsGpu.set(id, Boolean(argv.gpus) || ((await loadSubnet(id, dir)).profile.miner?.gpus ?? 0) > 0);
    // Prices, assumptions and chain data are settled before anything starts.
    const earningsOptions = earningsOptionsFromArgs(argv, pricesFromArgs(argv));
    io.err('chain: loading subnet emission data\n');
    // A benchmark should not wait long for the chain: one retry, then the shipped snapshot (with its warning).
    const loaded = await loadSnapshotOrDefault({ retries: 1, ...chainSourceFromArgs(argv, io) });
    for (const w of loaded.warnings) io.err(`chain: ${w}\n`);
    const gpuQueue = new GpuQueue();
    const split = cpuSplit();
    const notPinned = await pinHarness(split);
    io.err(
      notPinned
        ? `cpu: ${notPinned}\n`
        : `cpu: minerbench on cores ${split.harness}, miners on cores ${split.miners}\n`,
    );
    const runOne = async (subnet: string): Promise<number> => {
      const onEvent = progressPrinter(io.err, io.isTTY, subnet);
      try {
        const { result, folder, failure } = await runBenchmark({
          subnet,
          flags: {
            concurrency: argv.concurrency,
            queries: argv.queries,
            durationS: argv.duration,
            warmup: argv.warmup,
            out: argv.out,
            baseImage: argv.baseImage,
            gpus: argv.gpus,
            timeoutS: argv.timeout,
            runtime: argv.runtime,
            endpoint: argv.endpoint,
            minerHotkey: argv.minerHotkey,
            idleS: argv.idleSeconds,
            samplePeriodMs: argv.sampleMs,
            ...arrivalFlagsFromArgs(argv),
          },
          env: io.env,
          cwd: io.cwd,
          signal: io.signal,
          onEvent,
          chain: { loaded, options: earningsOptions },
          gpuQueue,
          ...(dir ? { subnetsDir: dir } : {}),
        });
        if (failure) {
          io.err(`result: ${folder.result}\nreport: ${folder.report}\n`);
          throw failure;
        }
        const L = result.latency;
        io.err(
          `[${subnet}] ${result.validity.verdict}: ${result.load.ok}/${result.load.measured} ok, p50 ${L.p50Ms ?? 'n/a'} ms, p99 ${L.p99Ms ?? 'n/a'} ms, ` +
            `${result.load.okQps} q/s, quality ${result.quality.mean ?? 'n/a'}\n`,
        );
        for (const r of result.validity.reasons) io.err(`[${subnet}]   ${r}\n`);
        io.err(`result: ${folder.result}\nreport: ${folder.report}\n`);
        if (argv.json) io.out(JSON.stringify(result, null, 2) + '\n');
        return result.validity.verdict === 'INVALID' ? new MinerbenchError('RUN_INVALID', '').exitCode : 0;
      } catch (e) {
        if (!isMinerbenchError(e) || argv.subnets.length === 1) throw e;
        io.err(formatError(e));
        return e.exitCode;
      } finally {
        onEvent.close();
      }
    };
    const codes = await Promise.all(argv.subnets.filter((id) => needsGpu.get(id)).map(runOne));
    for (const id of argv.subnets.filter((x) => !needsGpu.get(x))) {
      if (io.signal.aborted) break;
      codes.push(await runOne(id));
    }
    const worst = maxOf(codes, 0);
    return worst;
  },
};
