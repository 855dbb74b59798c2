// probeMachineFacts: what eligibility gates look at on this machine, read once before a run: GPUs from
// `nvidia-smi -q -x` (exact names, memory, idle use, virtualization, CC mode, NVENC) and CPU flags from /proc/cpuinfo.
import { readFile } from 'node:fs/promises';
import type { MachineFacts, MachineGpu } from '../model/machine-facts.ts';
import type { GpuInventory } from './gpu-inventory.ts';
import { nvencByModel } from './nvenc-by-model.ts';
import { probeGpus } from './probe-gpus.ts';
import type { NvidiaSmiOptions } from './run-nvidia-smi.ts';

/**
 * CPU flags that say confidential compute (Linux /proc/cpuinfo): `tdx_host_platform` (X86_FEATURE_TDX_HOST_PLATFORM,
 * "platform supports being a TDX host"), `tdx_guest` (inside a TDX VM), `sev`, `sev_es`, `sev_snp` (AMD, when enabled).
 */
export const CC_CPU_FLAGS: readonly string[] = ['tdx_host_platform', 'tdx_guest', 'sev', 'sev_es', 'sev_snp'];

/**
 * GPU confidential-compute mode from `cc_protected_memory_usage/total` in `nvidia-smi -q -x` (driver 535+): protected
 * memory is carved out only while CC mode is on, so > 0 MiB reads 'on' and 0 MiB 'off'. Every recorded capture here
 * (H100, B200, GB300, L40S, T4, A100 on 570-595 drivers) has CC off and shows 0 MiB; a CC-on recording was not
 * available, so 'on' is inferred from the element's meaning, not seen. Absent (older drivers): null.
 */
export function ccModeOf(protectedTotalMiB: number | null): 'on' | 'off' | null {
  if (protectedTotalMiB === null) return null;
  return protectedTotalMiB > 0 ? 'on' : 'off';
}

/** The CPU model and confidential-compute flags of a /proc/cpuinfo text (the first processor's). */
export function cpuFromCpuinfo(text: string): { model: string | null; ccFlags: string[] } {
  const model = /^model name\s*:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? null;
  const flags = new Set((/^flags\s*:\s*(.*)$/m.exec(text)?.[1] ?? '').trim().split(/\s+/));
  return { model, ccFlags: CC_CPU_FLAGS.filter((f) => flags.has(f)) };
}

export interface MachineFactsInput {
  inventory: GpuInventory | null;
  /** "nvidia-smi -q -x", or why there are no GPUs ("no NVIDIA GPU: nvidia-smi not found"). */
  gpuSource: string;
  cpuinfo: string | null;
  cpuinfoSource: string | null;
  probedAt: string;
  /** nvidia-smi indices of the GPUs the subnet gets (the run's assignment); every GPU when absent. */
  gpuIndices?: readonly number[] | null;
}

/** Pure: MachineFacts from what was read. */
export function machineFactsFrom(i: MachineFactsInput): MachineFacts {
  const inv = i.inventory;
  const chosen = inv ? (i.gpuIndices ? inv.gpus.filter((g) => i.gpuIndices!.includes(g.index)) : inv.gpus) : [];
  const gpus: MachineGpu[] = chosen.map((g) => {
    const nv = nvencByModel(g.name, g.encoderSessions);
    return {
      index: g.index,
      uuid: g.uuid,
      name: g.name,
      memoryTotalMiB: g.memoryTotalMiB,
      utilizationGpuPct: g.utilizationGpuPct,
      memoryUsedMiB: g.memoryUsedMiB,
      virtualizationMode: g.virtualizationMode,
      ccMode: ccModeOf(g.ccProtectedMemoryTotalMiB),
      nvenc: nv.nvenc,
      nvencSource: nv.source,
      architecture: g.architecture,
      powerLimitW: g.power.enforcedLimitW,
    };
  });
  const cpu = i.cpuinfo === null ? { model: null, ccFlags: [] } : cpuFromCpuinfo(i.cpuinfo);
  return {
    probedAt: i.probedAt,
    gpuSource: i.gpuSource,
    driverVersion: inv?.driverVersion ?? null,
    cudaVersion: inv?.cudaVersion ?? null,
    gpus,
    cpu: { ...cpu, source: i.cpuinfo === null ? null : i.cpuinfoSource },
  };
}

export interface ProbeMachineFactsOptions {
  smi?: NvidiaSmiOptions;
  /** Default /proc/cpuinfo; unreadable (not Linux) gives no CPU flags and a null source. */
  cpuinfoPath?: string;
  gpuIndices?: readonly number[] | null;
  now?: () => Date;
}

/** Reads nvidia-smi and /proc/cpuinfo; "no GPU" is a fact (empty gpus and the reason), not an error. */
export async function probeMachineFacts(o: ProbeMachineFactsOptions = {}): Promise<MachineFacts> {
  const probe = await probeGpus(o.smi ?? {});
  const cpuinfoPath = o.cpuinfoPath ?? '/proc/cpuinfo';
  const cpuinfo = await readFile(cpuinfoPath, 'utf8').catch(() => null);
  return machineFactsFrom({
    inventory: probe.available ? probe.inventory : null,
    gpuSource: probe.available ? 'nvidia-smi -q -x' : `no NVIDIA GPU: ${probe.reason}`,
    cpuinfo,
    cpuinfoSource: `${cpuinfoPath} flags`,
    probedAt: (o.now ?? (() => new Date()))().toISOString(),
    gpuIndices: o.gpuIndices ?? null,
  });
}
