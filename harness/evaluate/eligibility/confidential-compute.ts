// Gate confidential-compute: the CPU offers TDX or SEV-SNP and the GPUs run in confidential-compute mode (Chutes,
// Targon pay only such nodes). Measured, never emulated.
import { z } from 'zod';
import type { EligibilityGate } from './eligibility-gate.ts';
import { gateCommon, result } from './gate-fields.ts';

const FAMILIES = {
  tdx: ['tdx_host_platform', 'tdx_guest'],
  'sev-snp': ['sev_snp'],
} as const;

export const confidentialComputeConfigSchema = z.strictObject({
  gate: z.literal('confidential-compute'),
  /** CPU technologies that qualify (any one). */
  cpu: z.array(z.enum(['tdx', 'sev-snp'])).min(1),
  /** Every GPU must be in CC mode too; 'if-present': only when the node has GPUs (Targon also auctions CPU nodes). */
  gpu: z.union([z.boolean(), z.literal('if-present')]),
  ...gateCommon,
});
export type ConfidentialComputeConfig = z.infer<typeof confidentialComputeConfigSchema>;

export const confidentialComputeGate: EligibilityGate<ConfidentialComputeConfig> = {
  kind: 'confidential-compute',
  configSchema: confidentialComputeConfigSchema,
  check(facts, cfg) {
    const flags: string[] = cfg.cpu.flatMap((f) => [...FAMILIES[f]]);
    const cpuOk = facts.cpu.source === null ? null : facts.cpu.ccFlags.some((f) => flags.includes(f));
    const modes = facts.gpus.map((g) => g.ccMode);
    const wantGpu = cfg.gpu === true || (cfg.gpu === 'if-present' && facts.gpus.length > 0);
    const gpuOk = !wantGpu
      ? true
      : facts.gpus.length === 0
        ? false
        : modes.includes('off')
          ? false
          : modes.includes(null)
            ? null
            : modes.every((m) => m === 'on');
    const pass = cpuOk === false || gpuOk === false ? false : cpuOk === null || gpuOk === null ? null : true;
    const notes: string[] = [];
    if (cpuOk === null) notes.push('CPU flags unreadable (no /proc/cpuinfo)');
    if (wantGpu && modes.includes(null))
      notes.push('this driver does not report CC protected memory (nvidia-smi -q -x cc_protected_memory_usage)');
    return result('confidential-compute', cfg, {
      label: 'confidential compute (TEE)',
      required: `CPU ${cfg.cpu.map((c) => c.toUpperCase()).join(' or ')} (/proc/cpuinfo: ${flags.join(', ')})${cfg.gpu === true ? ' and every GPU in CC mode' : cfg.gpu === 'if-present' ? ' and every GPU (if any) in CC mode' : ''}`,
      measured: `CPU flags: ${facts.cpu.ccFlags.join(', ') || 'none'}${wantGpu ? `; GPU CC mode: ${modes.map((m) => m ?? 'unknown').join(', ') || 'no GPU'}` : ''}`,
      pass,
      source: `${facts.cpu.source ?? '/proc/cpuinfo (unreadable)'}; ${facts.gpuSource} cc_protected_memory_usage`,
      ...(notes.length ? { note: notes.join('; ') } : {}),
    });
  },
};
