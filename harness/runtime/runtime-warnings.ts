// runtimeWarnings: what about where the miner ran deserves a line in the output and the result (root, egress, a cut log).
import type { RuntimeInfo } from './runtime-adapter.ts';

export function runtimeWarnings(info: RuntimeInfo): string[] {
  const out: string[] = [];
  if (info.user?.root) out.push(`the miner ran as root (${info.user.from}): untrusted miner code had uid 0`);
  if (info.network?.mode === 'egress')
    out.push(`the miner could reach the network outside this machine (${info.network.from})`);
  if (info.logCutBytes)
    out.push(
      `the miner wrote more than the kept miner.log holds: ${info.logCutBytes} bytes in the middle were left out`,
    );
  return out;
}
