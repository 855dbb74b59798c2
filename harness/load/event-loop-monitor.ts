// startEventLoopMonitor: perf_hooks.monitorEventLoopDelay during a run; a blocked loop makes send times lie.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventLoopDelay } from '../model/replay-output.ts';

export function startEventLoopMonitor(resolutionMs = 10): { stop(): EventLoopDelay; reset(): void } {
  const h = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  return {
    reset: () => h.reset(),
    stop() {
      h.disable();
      const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;
      const r = {
        p50Ms: ms(h.percentile(50)),
        p99Ms: ms(h.percentile(99)),
        maxMs: ms(h.max),
        meanMs: ms(Number.isFinite(h.mean) ? h.mean : 0),
      };
      h.reset();
      return r;
    },
  };
}
