// runReplay: drives one replay with the chosen arrival model while watching the event loop's delay (warm-up excluded).
import type { ReplayOutput } from '../model/replay-output.ts';
import type { ArrivalKind } from './arrival-kind.ts';
import { startEventLoopMonitor } from './event-loop-monitor.ts';
import type { RecordSink, ReplayContext } from './replay-context.ts';

export async function runReplay(
  kind: ArrivalKind,
  options: Readonly<Record<string, unknown>>,
  ctx: ReplayContext,
): Promise<ReplayOutput> {
  const monitor = startEventLoopMonitor();
  // The warm-up's own stalls (JIT, first connections) are not the measurement's: restart at the first measured answer.
  let measuring = false;
  const onRecord: RecordSink = (r, resp) => {
    if (!measuring && !r.warmup) {
      measuring = true;
      monitor.reset();
    }
    ctx.onRecord(r, resp);
  };
  try {
    const out = await kind.run({ ...ctx, onRecord }, options as never);
    return { ...out, eventLoop: monitor.stop() };
  } catch (e) {
    monitor.stop();
    throw e;
  }
}
