// keptAnswer: a synapse answer as kept in the run's artifacts: what the miner answered, without the request's identity.

/** What identifies a request, not what the miner answered: left out of the kept answer (it is in no reward function). */
const TERMINAL_IDS = ['ip', 'port', 'version', 'nonce', 'uuid', 'hotkey', 'signature'];

/**
 * The answer as a validator's reward function sees it, without the request's own identity (the dendrite's and axon's
 * ip, port, nonce, uuid, hotkeys and signature: about 500 of a Dummy answer's 780 bytes). Status codes, messages and
 * process times stay: rewards use `synapse.dendrite.process_time`.
 */
export function keptAnswer(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if ((k === 'dendrite' || k === 'axon') && v && typeof v === 'object' && !Array.isArray(v)) {
      const t: Record<string, unknown> = {};
      for (const [tk, tv] of Object.entries(v as Record<string, unknown>)) if (!TERMINAL_IDS.includes(tk)) t[tk] = tv;
      out[k] = t;
    } else out[k] = v;
  }
  return out;
}
