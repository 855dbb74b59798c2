// waitUntilReady: polls a miner's ready check until it answers, the miner exits, or the deadline passes.

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
