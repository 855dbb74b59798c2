// toGpuSample: one streamed nvidia-smi reading of one GPU as a GpuSample, stamped on the harness clock.
import type { GpuSample } from '../model/gpu-sample.ts';
import type { SamplerFields } from './sampler-fields.ts';
import { smiBitmask, smiNumber, smiText } from './smi-value.ts';

/** Builds a sample from one parsed line (field -> raw cell), whatever subset of fields was asked for. */
export function toGpuSample(row: Record<string, string>, fields: SamplerFields, t: number): GpuSample {
  const cell = (...names: string[]): string | undefined => names.map((n) => row[n]).find((v) => v !== undefined);
  return {
    t,
    smiTimestamp: smiText(cell('timestamp')),
    powerW: fields.power ? smiNumber(row[fields.power]) : null,
    utilizationGpuPct: smiNumber(cell('utilization.gpu')),
    memoryUsedMiB: smiNumber(cell('memory.used')),
    smClockMHz: smiNumber(cell('clocks.sm', 'clocks.current.sm')),
    temperatureC: smiNumber(cell('temperature.gpu')),
    pstate: smiText(cell('pstate')),
    eventReasons: fields.reasons ? smiBitmask(row[fields.reasons]) : null,
    enforcedLimitW: smiNumber(cell('enforced.power.limit', 'gpu.power.current_limit')),
  };
}
