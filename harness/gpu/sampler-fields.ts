// chooseSamplerFields: which --query-gpu fields the streaming sampler asks for, given what the driver supports.

export type PowerField = 'power.draw.instant' | 'power.draw';
export type ReasonsField = 'clocks_event_reasons.active' | 'clocks_throttle_reasons.active';

export interface SamplerFields {
  /** The --query-gpu list, in order; each output line has exactly these columns. */
  fields: string[];
  power: PowerField | null;
  reasons: ReasonsField | null;
}

/** Fields every driver since at least 2022 lists (the netdata 2022 help text); used when --help-query-gpu cannot be read. */
export const FALLBACK_FIELDS: ReadonlySet<string> = new Set([
  'timestamp',
  'uuid',
  'power.draw',
  'utilization.gpu',
  'memory.used',
  'clocks.sm',
  'temperature.gpu',
  'pstate',
  'clocks_throttle_reasons.active',
  'enforced.power.limit',
]);

/**
 * Prefers the instantaneous reading (power.draw.instant) over power.draw, which is a trailing 1-s average on
 * Ampere-and-newer boards; prefers clocks_event_reasons.active over its old name clocks_throttle_reasons.active.
 * timestamp and uuid come first so that every line can be routed to its GPU.
 */
export function chooseSamplerFields(supported: ReadonlySet<string>): SamplerFields {
  const pick = (...names: string[]): string | null => names.find((n) => supported.has(n)) ?? null;
  const power = pick('power.draw.instant', 'power.draw') as PowerField | null;
  const reasons = pick('clocks_event_reasons.active', 'clocks_throttle_reasons.active') as ReasonsField | null;
  const fields = [
    pick('timestamp'),
    pick('uuid', 'gpu_uuid'),
    power,
    pick('utilization.gpu'),
    pick('memory.used'),
    pick('clocks.sm', 'clocks.current.sm'),
    pick('temperature.gpu'),
    pick('pstate'),
    reasons,
    pick('enforced.power.limit', 'gpu.power.current_limit'),
  ].filter((f): f is string => f !== null);
  return { fields, power, reasons };
}
