// parseGpuSelection / resolveGpuSelection: turn `--gpus 0,3` or GPU-/MIG- UUIDs into concrete devices of the inventory.
import { MinerbenchError } from '../errors.ts';
import type { GpuInfo, GpuInventory } from './gpu-inventory.ts';

export type GpuSelector = { kind: 'index'; index: number } | { kind: 'uuid'; uuid: string };

/** One device handed to a run: a whole GPU, or one MIG device of it. */
export interface AssignedDevice {
  index: number;
  /** The physical GPU's UUID: what the sampler streams (MIG devices share their parent's power). */
  gpuUuid: string;
  /** The MIG device UUID when a MIG device was chosen, else null. */
  migUuid: string | null;
  /** What Docker is given: migUuid ?? gpuUuid. */
  deviceId: string;
  name: string | null;
}

const UUID = /^(GPU|MIG)-[0-9A-Za-z/-]+$/;

/** Parses '0,3', 'GPU-...,GPU-...', 'MIG-...'; every problem in one GPU_SELECTION_INVALID. */
export function parseGpuSelection(spec: string): GpuSelector[] {
  const problems: string[] = [];
  const out: GpuSelector[] = [];
  const tokens = spec.split(',').map((t) => t.trim());
  if (spec.trim() === '') problems.push('the list is empty');
  else
    for (const tok of tokens) {
      if (/^\d+$/.test(tok)) out.push({ kind: 'index', index: Number(tok) });
      else if (UUID.test(tok)) out.push({ kind: 'uuid', uuid: tok });
      else problems.push(`'${tok}' is neither a GPU index (0, 1, ...) nor a GPU-/MIG- UUID`);
    }
  const seen = new Set<string>();
  for (const s of out) {
    const key = s.kind === 'index' ? String(s.index) : s.uuid;
    if (seen.has(key)) problems.push(`'${key}' is listed twice`);
    seen.add(key);
  }
  if (problems.length) {
    throw new MinerbenchError(
      'GPU_SELECTION_INVALID',
      `--gpus '${spec}' is not a valid GPU list: ${problems.join('; ')}`,
      {
        hint: 'Give GPU indexes or UUIDs separated by commas, e.g. --gpus 0,3 (see `nvidia-smi -L`).',
        details: problems,
      },
    );
  }
  return out;
}

/** A one-line description of every GPU and MIG device the host has, for error messages. */
export function describeKnownGpus(inventory: GpuInventory): string {
  if (inventory.gpus.length === 0) return 'this host has no GPU';
  const gpus = inventory.gpus.map((g) => {
    const migs = g.mig.devices.filter((d) => d.uuid).map((d) => `MIG ${d.index} ${d.uuid}`);
    return `${g.index} (${g.name ?? 'unknown'}, ${g.uuid ?? 'no UUID'}${migs.length ? `; ${migs.join(', ')}` : ''})`;
  });
  return `known GPUs: ${gpus.join('; ')}`;
}

/** Finds each selected device; unknown indexes or UUIDs, ambiguous UUIDs and repeats are GPU_SELECTION_INVALID. */
export function resolveGpuSelection(selectors: GpuSelector[], inventory: GpuInventory): AssignedDevice[] {
  const problems: string[] = [];
  const devices: AssignedDevice[] = [];
  for (const sel of selectors) {
    const found = find(sel, inventory);
    if (typeof found === 'string') problems.push(found);
    else devices.push(found);
  }
  const ids = new Set<string>();
  for (const d of devices) {
    if (ids.has(d.deviceId)) problems.push(`${d.deviceId} (GPU ${d.index}) is selected twice`);
    ids.add(d.deviceId);
    const alsoMig = d.migUuid === null && devices.some((o) => o.gpuUuid === d.gpuUuid && o.migUuid !== null);
    if (alsoMig) problems.push(`GPU ${d.index} is selected whole and through one of its MIG devices`);
  }
  if (problems.length) {
    throw new MinerbenchError('GPU_SELECTION_INVALID', `${problems.join('; ')} (${describeKnownGpus(inventory)})`, {
      hint: 'Pick GPUs from the list above (`nvidia-smi -L` shows the same).',
      details: problems,
    });
  }
  return devices;
}

function find(sel: GpuSelector, inv: GpuInventory): AssignedDevice | string {
  if (sel.kind === 'index') {
    const g = inv.gpus.find((x) => x.index === sel.index);
    return g ? whole(g, inv, `GPU ${sel.index}`) : `GPU index ${sel.index} does not exist`;
  }
  if (sel.uuid.startsWith('MIG-')) {
    for (const g of inv.gpus) {
      const m = g.mig.devices.find((d) => d.uuid === sel.uuid);
      if (m && g.uuid) return { index: g.index, gpuUuid: g.uuid, migUuid: sel.uuid, deviceId: sel.uuid, name: g.name };
    }
    return `MIG device ${sel.uuid} does not exist`;
  }
  const matches = inv.gpus.filter((g) => g.uuid === sel.uuid);
  if (matches.length === 0) return `GPU ${sel.uuid} does not exist`;
  return whole(matches[0] as GpuInfo, inv, sel.uuid);
}

function whole(g: GpuInfo, inv: GpuInventory, label: string): AssignedDevice | string {
  if (!g.uuid) return `${label} has no UUID in nvidia-smi's report, so Docker cannot be given it`;
  const twins = inv.gpus.filter((x) => x.uuid === g.uuid).map((x) => x.index);
  if (twins.length > 1)
    return `${label}: UUID ${g.uuid} is reported by GPUs ${twins.join(', ')}, so Docker cannot tell them apart`;
  return { index: g.index, gpuUuid: g.uuid, migUuid: null, deviceId: g.uuid, name: g.name };
}
