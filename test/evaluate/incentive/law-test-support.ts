// Literal inputs for the incentive-law tests: a SubnetEconomics with round numbers (not chain data), hand-made
// MachineFacts/MachineMeasure, and the prices; each test states the numbers it relies on.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseLawTable } from '../../../harness/config/law-table-file.ts';
import type { LoadedTable } from '../../../harness/config/law-table-file.ts';
import type { z } from 'zod';
import type { EarningsPrices } from '../../../harness/evaluate/earnings-prices.ts';
import type { LawContext } from '../../../harness/evaluate/incentive/incentive-law.ts';
import type { MachineFacts, MachineGpu } from '../../../harness/model/machine-facts.ts';
import type { MachineMeasure } from '../../../harness/model/machine-measure.ts';
import { eligibilityOf } from '../../../harness/model/result/eligibility-section.ts';
import type { SubnetEconomics } from '../../../harness/model/subnet-economics.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The estimate's moment in every law test: 2026-11-25 (tables' ages are counted to it). */
export const NOW = new Date('2026-11-25T00:00:00Z');

/** Miner pool 3000 alpha/day, 0.02 TAO per alpha, registration burn 0.5 TAO. Constructed, not chain data. */
export function economics(over: Partial<SubnetEconomics> = {}): SubnetEconomics {
  return {
    netuid: 51,
    name: 'test subnet',
    symbol: 'a',
    block: 1000,
    blockTime: '2026-11-20T00:00:00Z',
    source: 'constructed for tests',
    blockSeconds: 12,
    blocksPerDay: 7200,
    emissionEnabled: true,
    minerBurnedFraction: 0,
    ownerCut: 0.18,
    minerPool: { alphaPerDay: 3000, taoPerDay: 60, basis: 'constructed' },
    taoPerAlpha: 0.02,
    priceSource: 'constructed',
    registrationBurnTao: 0.5,
    tempo: 360,
    perUid: null,
    assumptions: [],
    warnings: [],
    ...over,
  };
}

/** TAO at 400 USD, power at 0.10 USD/kWh. */
export const PRICES: EarningsPrices = {
  taoPrice: { value: 400, currency: 'USD', at: '2026-11-20T00:00:00Z' },
  kwhPrice: { value: 0.1, currency: 'USD' },
};

export function gpu(over: Partial<MachineGpu> = {}): MachineGpu {
  return {
    index: 0,
    uuid: null,
    name: 'NVIDIA H100 80GB HBM3',
    memoryTotalMiB: 81559,
    utilizationGpuPct: 0,
    memoryUsedMiB: 0,
    virtualizationMode: 'Pass-Through',
    ccMode: null,
    nvenc: false,
    nvencSource: 'known-model table',
    architecture: 'Hopper',
    powerLimitW: 700,
    ...over,
  };
}

export function facts(gpus: MachineGpu[], over: Partial<MachineFacts> = {}): MachineFacts {
  return {
    probedAt: '2026-11-25T00:00:00Z',
    gpuSource: 'nvidia-smi -q -x',
    driverVersion: '580.105.08',
    cudaVersion: '13.0',
    gpus: gpus.map((g, index) => ({ ...g, index })),
    cpu: { model: null, ccFlags: [], source: '/proc/cpuinfo' },
    ...over,
  };
}

/** A measure with no gates run (eligible true), the given power and workload figures. */
export function measure(f: MachineFacts, over: Partial<MachineMeasure> = {}): MachineMeasure {
  return {
    origin: 'test',
    facts: f,
    eligibility: eligibilityOf([]),
    meanPowerW: null,
    replay: null,
    tokens: null,
    stress: null,
    window: null,
    ...over,
  };
}

export function pluginTable<T>(rel: string, schema: z.ZodType<T>): LoadedTable<T> {
  return parseLawTable(readFileSync(path.join(REPO, rel), 'utf8'), rel, schema, NOW);
}

export function ctx<C, F, T>(o: {
  machine: MachineMeasure;
  config: C;
  flags: F;
  table?: LoadedTable<T> | null;
  network?: SubnetEconomics;
  prices?: EarningsPrices;
}): LawContext<C, F, T> {
  return {
    machine: o.machine,
    network: o.network ?? economics(),
    config: o.config,
    flags: o.flags,
    table: o.table ?? null,
    prices: o.prices ?? PRICES,
    pue: 1.2,
    tenureDays: 30,
    now: NOW,
  };
}
