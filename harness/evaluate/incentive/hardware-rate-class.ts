// hardwareRateClass: which class of the rate table this machine is (by name or measured TFLOPS), how many of its
// GPUs count, and whether the table pays for it at all; with the inputs and reasons to show. Pure.
import type { LoadedTable } from '../../config/law-table-file.ts';
import type { MachineMeasure } from '../../model/machine-measure.ts';
import type { Earnings, LawInput } from '../../model/result/earnings-section.ts';
import type { GpuClass, HardwareRateTable } from './hardware-rate-table.ts';
import { classByName, estimateAvramGb, identifyByTflops } from './identify-gpu-class.ts';
import { measuredInput, tableInput } from './law-input.ts';

export interface MachineClass {
  /** The machine's GPU name (the most common one) and how many of its GPUs have it. */
  name: string | null;
  count: number;
  /** GPUs the law counts (capped by maxGpusCounted). */
  counted: number;
  gpuClass: string | null;
  cls: GpuClass | null;
  eligible: boolean;
  reasons: string[];
  inputs: LawInput[];
  breakdown: Earnings['breakdown'];
  assumptions: string[];
  warnings: string[];
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function hardwareRateClass(machine: MachineMeasure, table: LoadedTable<HardwareRateTable>): MachineClass {
  const t = table.data;
  const facts = machine.facts;
  const byName = new Map<string, number>();
  for (const g of facts.gpus) byName.set(g.name ?? '(unknown)', (byName.get(g.name ?? '(unknown)') ?? 0) + 1);
  const top = [...byName].sort((a, b) => b[1] - a[1])[0];
  const name = top && top[0] !== '(unknown)' ? top[0] : null;
  const count = top?.[1] ?? 0;
  const out: MachineClass = {
    name,
    count,
    counted: t.maxGpusCounted === undefined ? count : Math.min(count, t.maxGpusCounted),
    gpuClass: null,
    cls: null,
    eligible: true,
    reasons: [],
    inputs: [
      measuredInput({ name: 'gpuModel', label: 'GPU model (nvidia-smi)', value: name, unit: null }, facts.gpuSource),
      measuredInput({ name: 'gpuCount', label: 'GPUs of that model', value: count, unit: 'GPUs' }, facts.gpuSource),
    ],
    breakdown: [],
    assumptions: [],
    warnings: [],
  };
  if (byName.size > 1)
    out.warnings.push(
      `this machine mixes GPU models (${[...byName].map(([n, c]) => `${c} x ${n}`).join(', ')}); priced as ${count} x ${name}`,
    );

  if (t.identify === 'tflops') identifyFromTflops(machine, t, out);
  else out.gpuClass = classByName(name, t.gpus);

  out.cls = out.gpuClass === null ? null : (t.gpus[out.gpuClass] ?? null);
  const fail = (why: string) => {
    out.eligible = false;
    out.reasons.push(why);
  };
  if (count === 0) fail('no GPU on this machine');
  else if (!out.cls)
    fail(
      `GPU model ${name ?? 'unknown'} is not in the rate table (${table.path} lists: ${Object.keys(t.gpus).join(', ')})`,
    );
  else if (out.cls.rate === 0)
    fail(`${out.gpuClass} is in the rate table but its rate is 0: the subnet pays nothing for it`);
  if (out.cls?.minGpus !== undefined && count < out.cls.minGpus)
    fail(`${out.gpuClass} is paid only with at least ${out.cls.minGpus} GPUs per machine; this machine has ${count}`);
  if (out.cls) {
    const unit = t.split === 'class-pool' ? 'portion of the miner weights' : 'score per GPU';
    out.inputs.push(tableInput({ name: 'rate', label: `rate of ${out.gpuClass}`, value: out.cls.rate, unit }, table));
  }
  return out;
}

/** SN27: the class from sustained TFLOPS per GPU and the usable VRAM, or from the name when nothing was measured. */
function identifyFromTflops(machine: MachineMeasure, t: HardwareRateTable, out: MachineClass): void {
  const s = machine.stress;
  const mem = machine.facts.gpus.find((g) => g.name === out.name)?.memoryTotalMiB ?? null;
  if (s?.fp16Tflops == null || s.fp32Tflops == null || mem === null || out.count === 0) {
    out.gpuClass = classByName(out.name, t.gpus);
    out.assumptions.push(
      `no sustained TFLOPS measured (stress workload): class taken from the GPU's name (${out.gpuClass ?? 'not in the table'}); the validator identifies it from measured TFLOPS`,
    );
    return;
  }
  const measured = {
    fp16Tflops: s.fp16Tflops / out.count,
    fp32Tflops: s.fp32Tflops / out.count,
    avramGb: estimateAvramGb(mem),
  };
  const id = identifyByTflops(measured, t, out.name);
  out.gpuClass = id?.gpuClass ?? null;
  out.inputs.push(
    measuredInput(
      {
        name: 'fp16TflopsPerGpu',
        label: 'sustained fp16 TFLOPS per GPU',
        value: r6(measured.fp16Tflops),
        unit: 'TFLOPS',
      },
      'stress workload',
    ),
    measuredInput(
      {
        name: 'fp32TflopsPerGpu',
        label: 'sustained fp32 TFLOPS per GPU',
        value: r6(measured.fp32Tflops),
        unit: 'TFLOPS',
      },
      'stress workload',
    ),
    measuredInput(
      {
        name: 'avramGb',
        label: 'usable VRAM as the proof-of-GPU script measures it',
        value: measured.avramGb,
        unit: 'GB',
      },
      'nvidia-smi memory total: the largest 2^k bytes with 1.5 x 2^k <= memory',
    ),
  );
  if (!id) return;
  out.breakdown.push(
    { label: 'identified as', value: id.gpuClass, unit: null },
    { label: 'mean deviation from its reference TFLOPS and VRAM', value: r6(id.deviation), unit: null },
  );
  out.assumptions.push(
    `GPU class identified from sustained TFLOPS (the validator times a single matmul, sustained figures run higher); nearest: ${id.ranked
      .slice(0, 3)
      .map((r) => `${r.gpuClass} ${r6(r.deviation)}`)
      .join(', ')}${id.toleranceAdjusted ? `; tolerance pair, so the reported name ${out.name} is taken` : ''}`,
  );
}
