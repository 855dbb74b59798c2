// `minerbench run <subnets..>`: validates every subnet and option, then loads the chain, then benchmarks each subnet on
// this machine and prints the verdict, the answer (eligible? net per day by the subnet's law) and where the files are.
import type { Argv } from 'yargs';
import { SUBNETS_DIR_OPTION, subnetsDir } from '../subnets-dir-option.ts';
import type { CliCommand } from '../cli-command.ts';
import { progressPrinter } from '../progress-printer.ts';
import { flagsFromArgv, yargsOptions } from '../option-flags.ts';
import { runBenchmark } from '../../run/run-benchmark.ts';
import { planRun, type RunPlan } from '../../run/plan-run.ts';
import { runOptionSpecs } from '../../run/run-option-table.ts';
import { GpuQueue } from '../../run/gpu-queue.ts';
import { cpuSplit, pinHarness } from '../../run/cpu-split.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import { maxOf } from '../../model/min-max.ts';
import { formatError } from '../print-error.ts';
import { chainSourceFromArgs, loadSnapshotOrDefault, withChainOptions, type ChainCliArgs } from './subnets-earnings.ts';
import { answerLines } from '../answer-lines.ts';
import { terminalText } from '../terminal-text.ts';

interface RunArgs extends ChainCliArgs {
  subnets: string[];
  json?: boolean;
  subnetsDir?: string;
  [k: string]: unknown;
}

export const runCommand: CliCommand<RunArgs> = {
  command: 'run <subnets..>',
  describe: 'benchmark subnet reference miners in Docker on this machine',
  builder: (y: Argv) =>
    withChainOptions(y)
      .positional('subnets', { type: 'string', array: true, describe: 'subnet ids (minerbench subnets lists them)' })
      .options(yargsOptions(runOptionSpecs()))
      .option('json', { type: 'boolean', describe: 'print the result JSON on stdout' })
      .options(yargsOptions([SUBNETS_DIR_OPTION]))
      .example('$0 run template', 'benchmark the subnet template miner with the defaults')
      .example('$0 run template --concurrency 16 --duration 60', 'one minute at 16 concurrent queries')
      .example('$0 run template --arrival constant --rate 50 --duration 30', 'open loop at 50 queries/s for 30 s')
      .example('$0 run template --arrival trace --time-scale 10', 'replay the captured spacing ten times faster')
      .example(
        '$0 run inference-openai --arrival sweep --sweep-start 1 --sweep-step 15',
        'find the highest rate the miner sustains',
      ) as unknown as Argv<RunArgs>,
  handler: async (argv, io) => {
    const dir = subnetsDir(argv, io);
    const flags = flagsFromArgv(runOptionSpecs(), argv);
    // VALIDATE every subnet and option before anything starts (no chain, no pinning, no Docker yet): all problems at once.
    const plans: RunPlan[] = [];
    const errors: MinerbenchError[] = [];
    for (const subnet of argv.subnets) {
      try {
        plans.push(await planRun({ subnet, flags, env: io.env, cwd: io.cwd, ...(dir ? { subnetsDir: dir } : {}) }));
      } catch (e) {
        if (!isMinerbenchError(e)) throw e;
        errors.push(
          argv.subnets.length > 1
            ? new MinerbenchError(e.code, `[${subnet}] ${e.message}`, {
                details: e.details,
                ...(e.hint ? { hint: e.hint } : {}),
              })
            : e,
        );
      }
    }
    if (errors.length === 1) throw errors[0]!;
    if (errors.length)
      throw new MinerbenchError(errors[0]!.code, `${errors.length} of ${argv.subnets.length} subnets cannot run`, {
        details: errors.flatMap((e) => [e.message, ...e.details.map((d) => `  ${d}`)]),
      });
    for (const w of new Set(plans.flatMap((p) => p.warnings))) io.err(`warning: ${terminalText(w)}\n`);
    io.err('chain: loading subnet emission data\n');
    // A benchmark should not wait long for the chain: one retry, then the shipped snapshot (with its warning).
    const loaded = await loadSnapshotOrDefault({ retries: 1, ...chainSourceFromArgs(argv, io) });
    for (const w of loaded.warnings) io.err(`chain: ${terminalText(w)}\n`);
    const gpuQueue = new GpuQueue();
    const split = cpuSplit();
    const notPinned = await pinHarness(split);
    io.err(
      notPinned
        ? `cpu: ${notPinned}\n`
        : `cpu: minerbench on cores ${split.harness}, miners on cores ${split.miners}\n`,
    );
    const runOne = async (plan: RunPlan): Promise<number> => {
      const subnet = plan.subnet;
      const onEvent = progressPrinter(io.err, io.isTTY, subnet);
      try {
        const { result, folder, failure } = await runBenchmark({
          subnet,
          flags,
          env: io.env,
          cwd: io.cwd,
          signal: io.signal,
          onEvent,
          chain: loaded,
          gpuQueue,
          plan,
        });
        if (failure) {
          io.err(`result: ${folder.result}\nreport: ${folder.report}\n`);
          throw failure;
        }
        for (const line of answerLines(result)) io.err(`[${subnet}] ${line}\n`);
        io.err(`result: ${folder.result}\nreport: ${folder.report}\n`);
        if (argv.json) io.out(JSON.stringify(result, null, 2) + '\n');
        if (result.validity.verdict === 'INVALID') return new MinerbenchError('RUN_INVALID', '').exitCode;
        // Not eligible by a gate, or by the law itself (no auction for this node, no rate for its GPU).
        if (result.eligibility?.eligible === false || result.earnings?.eligible === false)
          return new MinerbenchError('NOT_ELIGIBLE', '').exitCode;
        return 0;
      } catch (e) {
        if (!isMinerbenchError(e) || argv.subnets.length === 1) throw e;
        io.err(formatError(e));
        return e.exitCode;
      } finally {
        onEvent.close();
      }
    };
    // GPU miners run at once on disjoint GPUs (queueing for them), CPU-only miners one after another afterwards, so
    // they do not compete for the harness's cores.
    const gpu = plans.filter((p) => p.gpuPlan.request !== null);
    const codes = await Promise.all(gpu.map(runOne));
    for (const p of plans.filter((x) => x.gpuPlan.request === null)) {
      if (io.signal.aborted) break;
      codes.push(await runOne(p));
    }
    return maxOf(codes, 0);
  },
};
