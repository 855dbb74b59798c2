// GpuSample: one streamed nvidia-smi reading of one GPU, stamped on the harness clock (the sampler's artifact holds them).

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
