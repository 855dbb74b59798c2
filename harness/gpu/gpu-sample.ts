// GpuSample / toGpuSample: one streamed nvidia-smi reading of one GPU, stamped on the harness clock.
import type { SamplerFields } from './sampler-fields.ts';
import { smiBitmask, smiNumber, smiText } from './smi-value.ts';

export interface GpuSample {
  /** Harness clock (ms) when the line arrived; the only time energy integration uses. */
  t: number;
  /** nvidia-smi's own timestamp text, kept for reference (host-local wall clock). */
  smiTimestamp: string | null;
  /** Board power in W from the sampler's power field; null when nvidia-smi printed [N/A]. */
  powerW: number | null;
  utilizationGpuPct: number | null;
  memoryUsedMiB: number | null;
  smClockMHz: number | null;
  temperatureC: number | null;
  pstate: string | null;
  /** clocks_event_reasons.active bitmask (0x1 idle, 0x4 SW power cap, 0x20/0x40 thermal, ...). */
  eventReasons: number | null;
  enforcedLimitW: number | null;
}

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
