// Run folders for the evaluation hooks and `minerbench estimate`: a lium run whose machine is a recorded nvidia-smi -q -x
// (../shared/fixtures/gpu: 8 x NVIDIA H100 80GB HBM3, or one Tesla T4), priced on the shipped 2026-08-07 snapshot with
// the plugin's table copied as a run copies it; and the recorded template run re-based on the same snapshot. The
// stress lines are stated by hand (a GPU's output, which this GPU-less machine cannot make), labelled as such.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SNAPSHOT_PATH } from '../../harness/chain/default-snapshot.ts';
import { parseChainSnapshot } from '../../harness/chain/chain-snapshot-file.ts';
import { machineFactsFrom } from '../../harness/gpu/machine-facts-probe.ts';
import { parseInventoryXml } from '../../harness/gpu/parse-inventory-xml.ts';
import type { RunContext } from '../../harness/model/run-context.ts';
import { readFixture } from '../gpu/fixture-paths.ts';
import { gpuRunDir, RECORDED_RUN } from './golden-runs.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const LIUM_TABLE = 'subnets/lium/tables/gpu-rates.json';
/** Every priced run ends at this moment: table and snapshot ages are counted to it (2025-08-22 + 460 days). */
export const RUN_END = '2026-11-25T21:00:00.000Z';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The shipped snapshot reduced to some subnets, as a run keeps it (artifacts/chain-snapshot.json). */
export function shippedSnapshotOf(netuids: number[]): string {
  const s = parseChainSnapshot(JSON.parse(readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8')), DEFAULT_SNAPSHOT_PATH);
  return JSON.stringify({ ...s, subnets: s.subnets.filter((x) => netuids.includes(x.netuid)) });
}

/**
 * Stress output of a GPU run stated by hand (not recorded: no GPU here): 4 intervals of 5 s per phase, the first
 * warm-up; fp16 5,400 TFLOPS and fp32 408 TFLOPS sustained on all 8 GPUs together, steady.
 */
export function stressLinesOnGpu(devices: number): string[] {
  const lines: unknown[] = [
    {
      kind: 'start',
      v: 1,
      device: 'cuda',
      standIn: null,
      devices: Array.from({ length: devices }, () => 'NVIDIA H100 80GB HBM3'),
      phases: ['fp16', 'fp32'],
      seconds: 40,
      intervalS: 5,
      size: 8192,
      tMs: 1000,
    },
  ];
  let t = 1000;
  for (const [phase, tflops] of [
    ['fp16', [5000, 5400, 5400, 5400]],
    ['fp32', [380, 408, 408, 408]],
  ] as const)
    tflops.forEach((x, i) => {
      lines.push({
        kind: 'interval',
        v: 1,
        phase,
        dtype: phase,
        i,
        tStartMs: t,
        tEndMs: t + 5000,
        elapsedS: 5,
        iterations: Math.round((x * 1e12 * 5) / (2 * 8192 ** 3)),
        size: 8192,
        devices,
        flops: x * 1e12 * 5,
        tflops: x,
        standIn: null,
      });
      t += 5000;
    });
  lines.push({ kind: 'end', v: 1, intervals: 8, stopped: false, tMs: t });
  return lines.map((l) => JSON.stringify(l));
}

export interface LiumRunOptions {
  /** A recorded nvidia-smi -q -x under ../shared/fixtures/gpu (default: the 8 x H100 node). */
  xml?: string;
  /** Law flags as the run recorded them in its options (e.g. { gpusOfModel: 120 }). */
  flags?: Record<string, unknown>;
  /** The chain snapshot kept with the run: lium's entry (default), another subnet's only, or none. */
  chain?: 'lium' | 'other' | 'none';
  prices?: RunContext['prices'];
}

/** A lium run folder (runs/<id>/artifacts/...) as `minerbench run lium` leaves it. */
export function liumRunDir(o: LiumRunOptions = {}): string {
  const xml = o.xml ?? 'xml/k8s-test-infra/qx-h100.xml';
  const inventory = parseInventoryXml(readFixture(xml));
  const runId = `20261125-205900-lium-${path.basename(xml, '.xml')}`;
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mb-priced-')), 'runs', runId);
  const art = path.join(dir, 'artifacts');
  mkdirSync(art, { recursive: true });
  const recorded = JSON.parse(readFileSync(path.join(RECORDED_RUN, 'artifacts/context.json'), 'utf8')) as RunContext;
  const lines = stressLinesOnGpu(inventory.gpus.length);
  writeFileSync(path.join(art, 'stress.jsonl'), `${lines.join('\n')}\n`);
  copyFileSync(path.join(REPO, LIUM_TABLE), path.join(art, 'law-table.json'));
  if (o.chain !== 'none')
    writeFileSync(path.join(art, 'chain-snapshot.json'), shippedSnapshotOf([o.chain === 'other' ? 1 : 51]));
  const flags = {
    lawTable: null,
    gpusOfModel: null,
    othersScore: null,
    uptimeDays: null,
    sysbox: null,
    collateral: null,
    fieldFactor: null,
    ...(o.flags ?? {}),
  };
  const context: RunContext = {
    ...recorded,
    runId,
    subnet: { id: 'lium', netuid: 51, title: 'Lium (GPU rental: rate per GPU model x count share)' },
    profile: { file: 'subnets/lium/profile.ts', sha256: sha(path.join(REPO, 'subnets/lium/profile.ts')) },
    workload: { kind: 'stress', description: 'stress: fp16 then fp32 matrix multiplies for 40 s', measuredPath: null },
    law: {
      kind: 'hardware-rate',
      table: { file: LIUM_TABLE, origin: 'plugin profile (law.table)', sha256: sha(path.join(REPO, LIUM_TABLE)) },
    },
    options: {
      ...recorded.options,
      queries: null,
      durationS: 40,
      ...(flags as Record<string, string | number | null>),
    },
    queries: null,
    timeout: null,
    validatorQps: null,
    startedAt: '2026-11-25T20:59:00.000Z',
    endedAt: RUN_END,
    environment: {
      ...recorded.environment,
      runtime: { kind: 'process' },
      gpus: {
        available: true,
        driver: inventory.driverVersion,
        cuda: inventory.cudaVersion,
        devices: inventory.gpus.map((g) => ({
          index: g.index,
          uuid: g.uuid ?? '',
          name: g.name ?? 'unknown',
          powerLimitW: g.power.enforcedLimitW,
          assigned: true,
        })),
        assignedDeviceIds: inventory.gpus.map((g) => g.uuid ?? ''),
      },
    },
    machineFacts: machineFactsFrom({
      inventory,
      gpuSource: 'nvidia-smi -q -x',
      cpuinfo: null,
      cpuinfoSource: null,
      probedAt: '2026-11-25T20:59:00.000Z',
    }),
    phases: { idle: null, warmup: { startMs: 1000, endMs: 1000 }, measure: { startMs: 1000, endMs: 41_000 } },
    replay: null,
    caching: null,
    chain:
      o.chain === 'none'
        ? null
        : {
            origin: 'default',
            network: 'finney',
            specVersion: null,
            block: 8_791_253,
            blockHash: recorded.chain!.blockHash,
            blockTime: '2026-08-07T08:35:00.000Z',
            description: 'block 8,791,253 of 2026-08-07T08:35:00.000Z (capture time), 110 days old',
          },
    prices: o.prices ?? { taoPrice: null, kwhPrice: null },
    warnings: [],
  };
  writeFileSync(path.join(art, 'context.json'), JSON.stringify(context, null, 2));
  return dir;
}

/** The recorded template run (answers, latencies and the recorded H100 power trace) with the shipped 2026 snapshot. */
export function templateRunOn2026(prices?: RunContext['prices']): string {
  const dir = gpuRunDir({ runId: '20261125-205800-template-2026' });
  writeFileSync(path.join(dir, 'artifacts/chain-snapshot.json'), shippedSnapshotOf([1]));
  if (prices) {
    const file = path.join(dir, 'artifacts/context.json');
    const c = JSON.parse(readFileSync(file, 'utf8')) as RunContext;
    writeFileSync(file, JSON.stringify({ ...c, prices }, null, 2));
  }
  return dir;
}
