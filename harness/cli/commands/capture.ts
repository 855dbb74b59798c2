// `minerbench capture`: a transparent proxy before a production miner that records validator queries to replay later.
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { startCaptureProxy } from '../../capture/capture-proxy.ts';
import { MinerbenchError } from '../../errors.ts';
import { MAX_QUERY_BODY_BYTES } from '../../load/queries-file.ts';
import { terminalText } from '../terminal-text.ts';

interface CaptureArgs {
  listen: string;
  upstream: string;
  out: string;
  duration?: number;
  maxBodyMb?: number;
}

function hostPort(flag: string, v: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^\s:]+):(\d{1,5})$/.exec(v);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535)
    throw new MinerbenchError('USAGE', `${flag} ${v}: not HOST:PORT`, { hint: `e.g. ${flag} 0.0.0.0:8091` });
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

export const captureCommand: CliCommand<CaptureArgs> = {
  command: 'capture',
  describe:
    'record the queries validators send a miner (a transparent proxy in front of its axon) as a replayable queries file',
  builder: (y: Argv) =>
    y
      .option('listen', {
        type: 'string',
        demandOption: true,
        describe: 'where validators connect, HOST:PORT (the port your axon advertises)',
      })
      .option('upstream', { type: 'string', demandOption: true, describe: "the miner's real axon, HOST:PORT" })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe: 'the queries file to write (.jsonl; never overwritten)',
      })
      .option('duration', { type: 'number', describe: 'stop after this many seconds [default: until Ctrl-C]' })
      .option('max-body-mb', {
        type: 'number',
        describe: `bodies larger than this are forwarded but not recorded [default: ${MAX_QUERY_BODY_BYTES / 1048576}]`,
      })
      .example(
        '$0 capture --listen 0.0.0.0:8091 --upstream 127.0.0.1:8092 --out captured.jsonl',
        'axon moved to 8092; validators keep using 8091',
      )
      .epilogue(
        'Exit codes: 0 ok, 2 usage, 70 upstream refused the connection at start, 71 cannot listen or write --out.',
      ),
  handler: async (argv, io) => {
    const listen = hostPort('--listen', argv.listen);
    const upstream = hostPort('--upstream', argv.upstream);
    const maxBodyBytes = Math.round((argv.maxBodyMb ?? MAX_QUERY_BODY_BYTES / 1048576) * 1048576);
    if (!(maxBodyBytes > 0)) throw new MinerbenchError('USAGE', `--max-body-mb ${argv.maxBodyMb}: must be > 0`);
    const out = path.resolve(io.cwd, argv.out);
    const skips = new Map<string, number>();
    const proxy = await startCaptureProxy({
      listen,
      upstream,
      out,
      maxBodyBytes,
      onSkip: (r) => skips.set(r, (skips.get(r) ?? 0) + 1),
    });
    io.err(
      `capture: listening on ${proxy.address.address}:${proxy.address.port}, forwarding to ${argv.upstream}, writing ${argv.out} (Ctrl-C stops)\n`,
    );
    await new Promise<void>((resolve) => {
      const t = argv.duration ? setTimeout(resolve, argv.duration * 1000) : undefined;
      io.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
    await proxy.close();
    const s = proxy.stats;
    io.err(
      `capture: ${s.requests} request(s): ${s.captured} captured, ${s.skipped} skipped, ${s.upstreamErrors} answered 502 (upstream unavailable)\n`,
    );
    // Reasons quote what validators sent (paths, headers): escaped for the terminal.
    for (const [reason, n] of [...skips.entries()].slice(0, 5))
      io.err(`capture:   skipped ${n}x: ${terminalText(reason)}\n`);
    io.err(
      `capture: replay it with a profile whose queries point at ${argv.out} (any --arrival; trace keeps the spacing)\n`,
    );
    return 0;
  },
};
