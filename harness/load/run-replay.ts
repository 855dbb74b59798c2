// runReplay: drives one replay with the chosen arrival model while watching the event loop's delay (warm-up excluded).
import { arrivalDriver } from './arrival-registry.ts';
import { startEventLoopMonitor } from './event-loop-monitor.ts';
import type { ReplayContext } from './replay-context.ts';
import type { ReplayOutput } from '../model/replay-output.ts';

export async function runReplay(ctx: ReplayContext): Promise<ReplayOutput> {
  const driver = arrivalDriver(ctx.arrival.kind);
  const monitor = startEventLoopMonitor();
  // The warm-up's own stalls (JIT, first connections) are not the measurement's: restart at the first measured answer.
  let measuring = false;
  const onRecord: ReplayContext['onRecord'] = (r, resp) => {
    if (!measuring && !r.warmup) {
      measuring = true;
      monitor.reset();
    }
    ctx.onRecord?.(r, resp);
  };
  try {
    const out = await driver.run({ ...ctx, onRecord });
    return { ...out, eventLoop: monitor.stop() };
  } catch (e) {
    monitor.stop();
    throw e;
  }
}
