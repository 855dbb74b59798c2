// powerReadingType: whether a power field is an instantaneous reading or nvidia-smi's trailing 1-s average, per GPU.
import type { PowerReadingType } from '../model/power-reading-type.ts';

const PRE_AMPERE = /^(kepler|maxwell|pascal|volta|turing)$/i;
const AMPERE_OR_NEWER = /^(ampere|ada lovelace|ada|hopper|blackwell)$/i;
/** GA100 boards (A100, A30, A800) report instantaneous power.draw although they are Ampere (NVML docs). */
const GA100 = /\b(A100|A30|A800)\b/i;
/** Names that pin a pre-Ampere board when the XML has no product_architecture (418/470-era drivers). */
const PRE_AMPERE_NAME = /\b(GTX|GT \d{3,4}|Quadro [PKMT]\d|Tesla [KMPVT]\d|RTX 20\d0|TITAN (X|V|RTX)|P100|V100|T4)\b/i;

/**
 * power.draw.instant is instantaneous; power.draw.average is the 1-s average; power.draw is the 1-s average on
 * Ampere (except GA100) and newer and instantaneous before (nvidia-smi --help-query-gpu, driver 590.48.01).
 */
export function powerReadingType(
  field: string | null,
  gpu: { architecture?: string | null; name?: string | null } = {},
): PowerReadingType {
  if (field === 'power.draw.instant' || field === 'gpu.power.draw.instant') return 'instant';
  if (field === 'power.draw.average' || field === 'gpu.power.draw.average') return '1s-average';
  if (field !== 'power.draw') return 'unknown';
  const name = gpu.name ?? '';
  if (GA100.test(name)) return 'instant';
  const arch = gpu.architecture ?? '';
  if (PRE_AMPERE.test(arch)) return 'instant';
  if (AMPERE_OR_NEWER.test(arch)) return '1s-average';
  if (PRE_AMPERE_NAME.test(name)) return 'instant';
  return 'unknown';
}
