// powerReadable: whether nvidia-smi reads a GPU's power at all (a vGPU guest or a board without sensing reads N/A).
import type { GpuInfo } from './gpu-inventory.ts';

export type PowerReadability = { readable: true } | { readable: false; why: string };

/** From the inventory: readable when any power draw (average, instant or plain) is a number, not N/A. */
export function powerReadable(g: Pick<GpuInfo, 'power' | 'virtualizationMode'>): PowerReadability {
  const p = g.power;
  if (p.drawW !== null || p.averageW !== null || p.instantW !== null) return { readable: true };
  const vgpu = /^vgpu$/i.test(g.virtualizationMode ?? '');
  return {
    readable: false,
    why: vgpu
      ? 'power draw N/A: a vGPU guest reads no power (measure on the host, or on a passed-through GPU)'
      : 'power draw N/A: nvidia-smi reads no power on this GPU (no power sensing; a vGPU guest reads none either)',
  };
}
