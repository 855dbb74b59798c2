// nvencByModel: whether a GPU has a hardware video encoder (NVENC), from its nvidia-smi name, where the name decides it.
// nvidia-smi shows no NVENC capability in -q -x (encoder_stats and encoder_util are printed for H100s too), so a
// known-model list stands in; a GPU on neither list is unknown (null), never guessed.

/**
 * Compute-only dies without NVENC: GA100 (A100, A800, A30) and GP108 (GT 1030) per NVIDIA's encode/decode support
 * matrix as summarised on https://wikiblah.com/wiki/nvenc ("No NVENC encoders available"); GH100 (H100, H800, H20,
 * H200) and the Blackwell data-centre dies (B200, B300, GB200, GB300) by the same matrix, not re-read here
 * (background knowledge: NVDEC/NVJPG only); CMP mining boards.
 */
const WITHOUT = /\b(A100|A800|A30|H100|H800|H200|H20|B200|B300|GB200|GB300|GT 1030|CMP \d+HX)\b/i;

/**
 * Boards with NVENC: every GeForce GTX/RTX since Kepler except the GT 1030, RTX/Quadro workstation boards, and the
 * data-centre boards built from graphics dies (T4, L4, L40, L40S, A2, A10, A10G, A16, A40, P4, P40, P100, V100).
 */
const WITH = /\b(GeForce (GTX|RTX)|RTX|Quadro|TITAN|T4|L4|L40S?|A2|A10G?|A16|A40|P4|P40|P100|V100)\b/i;

export interface NvencAnswer {
  nvenc: boolean | null;
  source: string;
}

export function nvencByModel(name: string | null, encoderSessions: number | null = null): NvencAnswer {
  if (encoderSessions !== null && encoderSessions > 0)
    return { nvenc: true, source: `nvidia-smi -q -x: ${encoderSessions} encoder session(s) open` };
  if (name === null) return { nvenc: null, source: 'no GPU name' };
  if (WITHOUT.test(name)) return { nvenc: false, source: 'known-model list (compute-only die without NVENC)' };
  if (WITH.test(name)) return { nvenc: true, source: 'known-model list (board with NVENC)' };
  return {
    nvenc: null,
    source: 'not on the known-model list: check with ffmpeg -encoders (h264_nvenc) on the machine',
  };
}
