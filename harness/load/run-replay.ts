// runReplay: drives one replay with the chosen arrival model while watching the event loop's delay.
import { arrivalDriver } from './arrival-registry.ts';
import { startEventLoopMonitor } from './event-loop-monitor.ts';
import type { ReplayContext } from './replay-context.ts';
import type { ReplayOutput } from './replay-output.ts';

export async function runReplay(ctx: ReplayContext): Promise<ReplayOutput> {
  const driver = arrivalDriver(ctx.arrival.kind);
  const monitor = startEventLoopMonitor();
  try {
    const out = await driver.run(ctx);
    return { ...out, eventLoop: monitor.stop() };
  } catch (e) {
    monitor.stop();
    throw e;
  }
}
