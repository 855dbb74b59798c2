// GpuInventory: the typed picture of the host's NVIDIA GPUs, as read from `nvidia-smi -q -x` (and `-L` for MIG UUIDs).

/** Every reading is null when nvidia-smi prints N/A, [Not Supported] or "deprecated": never a made-up 0. */
export interface GpuPowerInfo {
  /** The board draw nvidia-smi calls "power draw": average_power_draw, else power_draw, else instant_power_draw. */
  drawW: number | null;
  /** `average_power_draw` (570+ drivers), a 1-s average. */
  averageW: number | null;
  /** `instant_power_draw` (570+ drivers). */
  instantW: number | null;
  /** The limit actually enforced: `enforced_power_limit` (<535) or `current_power_limit` (535+). */
  enforcedLimitW: number | null;
  /** The software (requested) limit: `power_limit` (<535) or `requested_power_limit` (535+). */
  requestedLimitW: number | null;
  defaultLimitW: number | null;
  minLimitW: number | null;
  maxLimitW: number | null;
  /** Which XML element the readings came from. */
  source: 'power_readings' | 'gpu_power_readings' | null;
}

export interface MigDevice {
  /** MIG device index within its GPU (`nvidia-smi -L` "Device N"). */
  index: number;
  gpuInstanceId: number | null;
  computeInstanceId: number | null;
  /** MIG-... UUID: only `nvidia-smi -L` prints it, so null when -L was not read. */
  uuid: string | null;
  /** Profile such as '3g.40gb', from `-L`. */
  profile: string | null;
  memoryTotalMiB: number | null;
  multiprocessorCount: number | null;
}

export interface GpuProcess {
  pid: number | null;
  /** 'C' compute, 'G' graphics, 'C+G'. */
  type: string | null;
  name: string | null;
  usedMemoryMiB: number | null;
  gpuInstanceId: number | null;
  computeInstanceId: number | null;
}

export interface GpuInfo {
  /** nvidia-smi index (the order of `<gpu>` elements, which is what `-i N` means). */
  index: number;
  uuid: string | null;
  /** PCI bus id from `<gpu id="...">`, e.g. 00000000:53:00.0. */
  pciBusId: string | null;
  name: string | null;
  brand: string | null;
  /** product_architecture ('Hopper', 'Ampere', ...); absent on old drivers. */
  architecture: string | null;
  memoryTotalMiB: number | null;
  memoryUsedMiB: number | null;
  power: GpuPowerInfo;
  mig: { current: boolean | null; pending: boolean | null; devices: MigDevice[] };
  persistenceMode: boolean | null;
  /** WDDM / TCC on Windows, null on Linux. */
  driverModel: string | null;
  /** 'Pass-Through', 'VGPU', 'Host VGPU', 'None', ... */
  virtualizationMode: string | null;
  performanceState: string | null;
  temperatureC: number | null;
  utilizationGpuPct: number | null;
  smClockMHz: number | null;
  /** Active clock event (throttle) reasons ('gpu_idle', 'sw_power_cap', ...); null when unknown (absent or N/A). */
  clockReasonsActive: string[] | null;
  /**
   * `cc_protected_memory_usage/total` (drivers 535+): confidential-compute protected memory, which is 0 MiB unless the
   * GPU runs in CC mode; null when the element is absent (older drivers) or N/A.
   */
  ccProtectedMemoryTotalMiB: number | null;
  /** `encoder_stats/session_count`: NVENC sessions open when probed (> 0 proves an encoder); null when absent. */
  encoderSessions: number | null;
  processes: GpuProcess[];
}

export interface GpuInventory {
  timestamp: string | null;
  driverVersion: string | null;
  cudaVersion: string | null;
  /** N of nvsmi_device_vN.dtd; null when the XML has no DOCTYPE (418-era drivers). */
  dtdVersion: number | null;
  /** `attached_gpus` as printed; may exceed gpus.length in trimmed captures. */
  attachedGpus: number | null;
  gpus: GpuInfo[];
  /** Things worth telling the user that are not errors (duplicate UUIDs, -L unreadable, ...). */
  warnings: string[];
}
