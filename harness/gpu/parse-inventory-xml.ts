// parseInventoryXml: turns `nvidia-smi -q -x` output (DTD v10..v13, Linux and Windows) into a GpuInventory.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MinerbenchError } from '../errors.ts';
import type { GpuInfo, GpuInventory, GpuPowerInfo, GpuProcess, MigDevice } from './gpu-inventory.ts';
import { smiBool, smiNumber, smiText } from './smi-value.ts';

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'nvidia_smi_log.gpu',
  'nvidia_smi_log.gpu.mig_devices.mig_device',
  'nvidia_smi_log.gpu.processes.process_info',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

function obj(v: unknown): Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
}
function list(v: unknown): Node[] {
  return Array.isArray(v) ? v.map(obj) : [];
}

function snippet(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  return s.length > 120 ? `${s.slice(0, 120)}...` : s || '(empty output)';
}

/** Parses `nvidia-smi -q -x`; anything that is not an nvidia_smi_log document is NVIDIA_SMI_FAILED. */
export function parseInventoryXml(xml: string): GpuInventory {
  const valid = XMLValidator.validate(xml);
  const doc = valid === true ? obj(parser.parse(xml)) : {};
  const log = doc['nvidia_smi_log'];
  if (valid !== true || log === undefined) {
    const why = valid === true ? 'no <nvidia_smi_log> element' : `not XML (${valid.err.msg}, line ${valid.err.line})`;
    throw new MinerbenchError(
      'NVIDIA_SMI_FAILED',
      `nvidia-smi -q -x printed something unreadable: ${why}: ${snippet(xml)}`,
      {
        hint: 'Run `nvidia-smi -q -x` by hand; reinstall or update the NVIDIA driver if it does not print an XML report.',
      },
    );
  }
  const root = obj(log);
  const dtd = /nvsmi_device_v(\d+)\.dtd/.exec(xml);
  const gpus = list(root['gpu']).map((g, index) => parseGpu(g, index));
  return {
    timestamp: smiText(root['timestamp']),
    driverVersion: smiText(root['driver_version']),
    cudaVersion: smiText(root['cuda_version']),
    dtdVersion: dtd?.[1] ? Number(dtd[1]) : null,
    attachedGpus: smiNumber(root['attached_gpus']),
    gpus,
    warnings: duplicateUuidWarnings(gpus),
  };
}

function duplicateUuidWarnings(gpus: GpuInfo[]): string[] {
  const byUuid = new Map<string, number[]>();
  for (const g of gpus) if (g.uuid) byUuid.set(g.uuid, [...(byUuid.get(g.uuid) ?? []), g.index]);
  return [...byUuid]
    .filter(([, idx]) => idx.length > 1)
    .map(
      ([uuid, idx]) => `UUID ${uuid} is reported by GPUs ${idx.join(', ')}; those GPUs can only be told apart by index`,
    );
}

function parseGpu(g: Node, index: number): GpuInfo {
  const mig = obj(g['mig_mode']);
  const fb = obj(g['fb_memory_usage']);
  const reasons = g['clocks_event_reasons'] ?? g['clocks_throttle_reasons'];
  return {
    index,
    uuid: smiText(g['uuid']),
    pciBusId: smiText(g['@_id']),
    name: smiText(g['product_name']),
    brand: smiText(g['product_brand']),
    architecture: smiText(g['product_architecture']),
    memoryTotalMiB: smiNumber(fb['total']),
    memoryUsedMiB: smiNumber(fb['used']),
    power: parsePower(g),
    mig: {
      current: smiBool(mig['current_mig']),
      pending: smiBool(mig['pending_mig']),
      devices: list(obj(g['mig_devices'])['mig_device']).map(parseMigDevice),
    },
    persistenceMode: smiBool(g['persistence_mode']),
    driverModel: smiText(obj(g['driver_model'])['current_dm']),
    virtualizationMode: smiText(obj(g['gpu_virtualization_mode'])['virtualization_mode']),
    performanceState: smiText(g['performance_state']),
    temperatureC: smiNumber(obj(g['temperature'])['gpu_temp']),
    utilizationGpuPct: smiNumber(obj(g['utilization'])['gpu_util']),
    smClockMHz: smiNumber(obj(g['clocks'])['sm_clock']),
    clockReasonsActive: activeReasons(reasons),
    ccProtectedMemoryTotalMiB: smiNumber(obj(g['cc_protected_memory_usage'])['total']),
    encoderSessions: smiNumber(obj(g['encoder_stats'])['session_count']),
    processes: list(obj(g['processes'])['process_info']).map(parseProcess),
  };
}

function parsePower(g: Node): GpuPowerInfo {
  if (g['gpu_power_readings'] !== undefined) {
    // 535+: gpu_power_readings; 570+ splits power_draw into average_power_draw and instant_power_draw.
    const p = obj(g['gpu_power_readings']);
    const averageW = smiNumber(p['average_power_draw']);
    const instantW = smiNumber(p['instant_power_draw']);
    return {
      drawW: averageW ?? smiNumber(p['power_draw']) ?? instantW,
      averageW,
      instantW,
      enforcedLimitW: smiNumber(p['current_power_limit']),
      requestedLimitW: smiNumber(p['requested_power_limit']),
      defaultLimitW: smiNumber(p['default_power_limit']),
      minLimitW: smiNumber(p['min_power_limit']),
      maxLimitW: smiNumber(p['max_power_limit']),
      source: 'gpu_power_readings',
    };
  }
  const present = g['power_readings'] !== undefined;
  const p = obj(g['power_readings']);
  return {
    drawW: smiNumber(p['power_draw']),
    averageW: null,
    instantW: null,
    enforcedLimitW: smiNumber(p['enforced_power_limit']),
    requestedLimitW: smiNumber(p['power_limit']),
    defaultLimitW: smiNumber(p['default_power_limit']),
    minLimitW: smiNumber(p['min_power_limit']),
    maxLimitW: smiNumber(p['max_power_limit']),
    source: present ? 'power_readings' : null,
  };
}

/**
 * The active clock event reasons; null when they are not known: the element absent or N/A, or any one reason N/A
 * (a partial list would read as "the others are not active").
 */
function activeReasons(r: unknown): string[] | null {
  const reasons = Object.entries(obj(r)).filter(([k]) => /^clocks_(event|throttle)_reason_/.test(k));
  if (reasons.length === 0) return null;
  const active: string[] = [];
  for (const [k, v] of reasons) {
    const on = smiBool(v);
    if (on === null) return null;
    if (on) active.push(k.replace(/^clocks_(event|throttle)_reason_/, ''));
  }
  return active;
}

function parseMigDevice(m: Node): MigDevice {
  return {
    index: smiNumber(m['index']) ?? -1,
    gpuInstanceId: smiNumber(m['gpu_instance_id']),
    computeInstanceId: smiNumber(m['compute_instance_id']),
    uuid: null,
    profile: null,
    memoryTotalMiB: smiNumber(obj(m['fb_memory_usage'])['total']),
    multiprocessorCount: smiNumber(obj(obj(m['device_attributes'])['shared'])['multiprocessor_count']),
  };
}

function parseProcess(p: Node): GpuProcess {
  return {
    pid: smiNumber(p['pid']),
    type: smiText(p['type']),
    name: smiText(p['process_name']),
    usedMemoryMiB: smiNumber(p['used_memory']),
    gpuInstanceId: smiNumber(p['gpu_instance_id']),
    computeInstanceId: smiNumber(p['compute_instance_id']),
  };
}
