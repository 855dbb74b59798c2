// `minerbench estimate <result.json>`: recomputes a saved run's earnings with other prices or another chain snapshot.
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { readResult } from '../../results/read-result.ts';
import type { RunResult } from '../../model/result/run-result.ts';
import type { ChainSnapshot } from '../../model/chain-snapshot-schema.ts';
import { describeSnapshotAge } from '../../chain/default-snapshot.ts';
import {
  machineEarnings,
  type MachineEarnings,
  type MachineEarningsOptions,
  type MachineRunLike,
} from '../../evaluate/earnings-machine.ts';
import { earningsOptionsFromArgs, withEarningsOptions, type EarningsCliArgs } from './earnings-options.ts';
import {
  chainSourceFromArgs,
  loadSnapshotOrDefault,
  withChainOptions,
  type ChainCliArgs,
  type PriceCliArgs,
} from './subnets-earnings.ts';
import { terminalText } from '../terminal-text.ts';

interface EstimateArgs extends ChainCliArgs, PriceCliArgs, EarningsCliArgs {
  result: string;
  json?: boolean;
}

/** The earnings part of a run; the run pipeline calls this with what it measured. */
export function estimateEarnings(
  run: MachineRunLike,
  snapshot: ChainSnapshot,
  opts: MachineEarningsOptions,
): MachineEarnings {
  return machineEarnings(run, snapshot, opts);
}

/** What the earnings model needs from a result.json (energy.meanW when power was measured). */
export function runLikeFromResult(r: RunResult, validatorQps: number | null = null): MachineRunLike {
  const meanW = r.energy.measured ? r.energy.meanW : null;
  return {
    netuid: r.subnet.netuid,
    avgPowerW: meanW,
    p99Ms: r.latency?.p99Ms ?? null,
    timeoutS: r.config.timeoutS ?? 0,
    capacityQps: r.load?.okQps ?? null,
    qualityMean: r.quality?.mean ?? null,
    validatorQps,
  };
}

const f = (x: number | null, d = 2) => (x === null ? '-' : x.toFixed(d));

export function renderMachineEarnings(m: MachineEarnings, snapshot: ChainSnapshot): string {
  const cur = m.power.currency ?? m.subnet.inputs.prices.taoPrice?.currency ?? '';
  const s = m.subnet;
  const lines = [
    `SN${s.netuid} ${terminalText(s.name)}: miner pool ${f(s.minerPool.taoPerDay)} TAO/day (${f(s.minerPool.alphaPerDay)} alpha), ${s.payingMiners} paying miners, owner burn ${f(s.burned.taoPerDay)} TAO/day`,
    `chain: ${describeSnapshotAge(snapshot)}`,
    `power: ${f(m.power.avgPowerW, 0)} W x PUE ${m.power.pue} = ${f(m.power.kwhPerDay)} kWh/day = ${f(m.power.costPerDay)} ${cur}/day`,
    `registration: ${m.burnAmortised.burnTao} TAO over ${m.burnAmortised.tenureDays} days = ${f(m.burnAmortised.taoPerDay, 4)} TAO/day`,
    '',
    `rank        gross TAO/d  gross ${cur}/d  net ${cur}/d`,
    ...m.atRanks.map(
      (r) =>
        `${`${r.label} (${r.rank})`.padEnd(12)}${f(r.grossTaoPerDay, 4).padStart(11)}  ${f(r.grossFiatPerDay).padStart(11)}  ${f(r.netFiatPerDay).padStart(9)}`,
    ),
    '',
    `break-even: ${m.breakEvenNote}`,
    `capacity: ${m.capacity.ok === null ? 'unknown' : m.capacity.ok ? 'OK' : 'NOT ENOUGH'} (${m.capacity.note})`,
    `placement (${m.placement.rule}): ${m.placement.statement}`,
    ...m.missing.map((x) => `missing: ${x}`),
  ];
  return `${lines.join('\n')}\n`;
}

export const estimateCommand: CliCommand<EstimateArgs> = {
  command: 'estimate <result>',
  describe: 'recompute the earnings of a saved run (result.json) with other prices or another chain snapshot',
  builder: (y: Argv) =>
    withEarningsOptions(withChainOptions(y))
      .positional('result', { type: 'string', describe: 'a result.json written by minerbench run' })
      .option('json', { type: 'boolean', describe: 'print the earnings JSON on stdout' }) as unknown as Argv,
  handler: async (argv, io) => {
    const options = earningsOptionsFromArgs(argv, io.env);
    const result = readResult(argv.result);
    const run = runLikeFromResult(result, argv.validatorQps ?? result.config.validatorQps ?? null);
    const loaded = await loadSnapshotOrDefault({ ...chainSourceFromArgs(argv, io), netuids: [run.netuid] });
    for (const w of loaded.warnings) io.err(`warning: ${terminalText(w)}\n`);
    const m = estimateEarnings(run, loaded.snapshot, options);
    io.out(
      argv.json
        ? `${JSON.stringify({ chain: { block: loaded.snapshot.block, origin: loaded.origin }, earnings: m }, null, 2)}\n`
        : renderMachineEarnings(m, loaded.snapshot),
    );
    return 0;
  },
};
