// waitUntilReady: polls a miner's ready check until it answers, the miner exits, or the deadline passes.
import { MinerbenchError } from '../errors.ts';
import { lastLines } from './docker-image.ts';

export interface WaitReadyInput {
  /** One attempt; resolves true when the miner answered as ready. */
  probe: () => Promise<boolean>;
  /** Resolves with a reason if the miner died while we waited. */
  died: Promise<string>;
  timeoutMs: number;
  intervalMs?: number;
  signal: AbortSignal;
}

export type WaitReadyResult = { ready: true; ms: number } | { ready: false; reason: string };

export async function waitUntilReady(input: WaitReadyInput): Promise<WaitReadyResult> {
  const started = performance.now();
  let deadReason: string | undefined;
  void input.died.then((r) => (deadReason = r));
  while (performance.now() - started < input.timeoutMs) {
    if (input.signal.aborted) return { ready: false, reason: 'interrupted' };
    if (deadReason) return { ready: false, reason: deadReason };
    if (await input.probe().catch(() => false)) return { ready: true, ms: performance.now() - started };
    await new Promise((r) => setTimeout(r, input.intervalMs ?? 200));
  }
  return { ready: false, reason: deadReason ?? `no answer to the ready check within ${input.timeoutMs / 1000} s` };
}

export interface WaitMinerReadyInput {
  profileId: string;
  readySynapse: string;
  timeoutS: number;
  probe: () => Promise<boolean>;
  died: Promise<string>;
  signal: AbortSignal;
  /** The miner's output so far, for the error's last lines. */
  logs: () => Promise<string>;
}

/** waitUntilReady for a runtime: INTERRUPTED when aborted, MINER_NOT_READY with the miner's last log lines otherwise. */
export async function waitMinerReady(i: WaitMinerReadyInput): Promise<void> {
  const r = await waitUntilReady({ probe: i.probe, died: i.died, timeoutMs: i.timeoutS * 1000, signal: i.signal });
  if (r.ready) return;
  if (i.signal.aborted) throw new MinerbenchError('INTERRUPTED', 'interrupted while waiting for the miner');
  throw new MinerbenchError('MINER_NOT_READY', `the ${i.profileId} miner never became ready: ${r.reason}`, {
    details: lastLines(await i.logs(), 15).map((l) => `miner: ${l}`),
    hint: `its /${i.readySynapse} route must answer 200; the whole miner log is in the run folder`,
  });
}
