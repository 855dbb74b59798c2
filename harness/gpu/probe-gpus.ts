// probeGpus / readGpuInventory: ask the host's nvidia-smi what GPUs there are; "no GPU" is an answer, not a crash.
import { MinerbenchError } from '../errors.ts';
import type { GpuInventory } from './gpu-inventory.ts';
import { parseGpuList, withGpuList } from './parse-gpu-list.ts';
import { parseInventoryXml } from './parse-inventory-xml.ts';
import { runNvidiaSmi, type NvidiaSmiOptions } from './run-nvidia-smi.ts';

export type GpuProbe =
  | { available: true; inventory: GpuInventory }
  | { available: false; reason: 'nvidia-smi not found' | 'no NVIDIA GPU' | `nvidia-smi failed: ${string}` };

/** nvidia-smi's own words when the host has a driver but no GPU (exit code 6). */
const NO_DEVICES = /no devices were found/i;

/**
 * Runs `nvidia-smi -q -x` (and `-L` for MIG UUIDs). Resolves {available:false, reason} when nvidia-smi is missing,
 * fails (driver not loaded, ...) or sees no GPU. Throws NVIDIA_SMI_FAILED only when it exits 0 but prints something
 * that is not its XML report: a broken tool, not a host without GPUs.
 */
export async function probeGpus(opts: NvidiaSmiOptions = {}): Promise<GpuProbe> {
  const r = await runNvidiaSmi(['-q', '-x'], opts);
  if (!r.ok) {
    if (r.kind === 'not-found') return { available: false, reason: 'nvidia-smi not found' };
    if (NO_DEVICES.test(r.message)) return { available: false, reason: 'no NVIDIA GPU' };
    return { available: false, reason: `nvidia-smi failed: ${r.message}` };
  }
  if (NO_DEVICES.test(r.stdout) && !r.stdout.includes('<nvidia_smi_log'))
    return { available: false, reason: 'no NVIDIA GPU' };
  let inventory = parseInventoryXml(r.stdout);
  if (inventory.gpus.length === 0) return { available: false, reason: 'no NVIDIA GPU' };
  const list = await runNvidiaSmi(['-L'], opts);
  if (list.ok) inventory = withGpuList(inventory, parseGpuList(list.stdout));
  else
    inventory = {
      ...inventory,
      warnings: [...inventory.warnings, `nvidia-smi -L failed (${list.message}); MIG UUIDs unknown`],
    };
  return { available: true, inventory };
}

/** The inventory, or a MinerbenchError: GPU_UNAVAILABLE when there is no GPU or no nvidia-smi, NVIDIA_SMI_FAILED otherwise. */
export async function readGpuInventory(opts: NvidiaSmiOptions = {}): Promise<GpuInventory> {
  const p = await probeGpus(opts);
  if (p.available) return p.inventory;
  if (p.reason.startsWith('nvidia-smi failed')) {
    throw new MinerbenchError('NVIDIA_SMI_FAILED', p.reason, {
      hint: 'Check that the NVIDIA driver is loaded (`nvidia-smi` by hand) or run without GPUs.',
    });
  }
  throw new MinerbenchError('GPU_UNAVAILABLE', `No GPU to benchmark on: ${p.reason}`, {
    hint: 'Install the NVIDIA driver and nvidia-smi, or pick a profile that needs no GPU.',
  });
}
