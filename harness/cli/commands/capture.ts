// `minerbench capture`: a transparent proxy before a production miner that records validator queries to replay later.
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { startCaptureProxy } from '../../capture/capture-proxy.ts';
import { z } from 'zod';
import { checkOutputFile } from '../../artifacts/output-dir.ts';
import { defineOption, finite } from '../../config/option-spec.ts';
import { MAX_TIMER_S } from '../../config/run-options.ts';
import { MAX_QUERY_BODY_BYTES } from '../../load/queries-file.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { terminalText } from '../terminal-text.ts';

const MAX_BODY_MB = MAX_QUERY_BODY_BYTES / 1048576;
const HOST_PORT = /^(\[[^\]]+\]|[^\s:]+):(\d{1,5})$/;
const isHostPort = (v: string) => {
  const port = Number(HOST_PORT.exec(v)?.[2] ?? NaN);
  return port >= 1 && port <= 65535;
};
const hostPortOption = <const K extends string>(key: K, describe: string) =>
  defineOption({
    key,
    flag: key,
    type: 'string',
    schema: z.string().refine(isHostPort, 'must be HOST:PORT with a port 1-65535, e.g. 0.0.0.0:8091').optional(),
    default: undefined,
    describe,
    owner: 'capture',
  });

const CAPTURE_OPTIONS = [
  hostPortOption('listen', 'where validators connect, HOST:PORT (the port your axon advertises)'),
  hostPortOption('upstream', "the miner's real axon, HOST:PORT"),
  defineOption({
    key: 'out',
    flag: 'out',
    type: 'string',
    schema: z.string().min(1, 'must be a file path').optional(),
    default: undefined,
    describe: 'the queries file to write (.jsonl; never overwritten)',
    owner: 'capture',
  }),
  defineOption({
    key: 'durationS',
    flag: 'duration',
    type: 'number',
    schema: finite('seconds')
      .positive('must be > 0 seconds')
      .max(MAX_TIMER_S, `must be at most ${MAX_TIMER_S} s (the longest timer Node can keep)`)
      .optional(),
    default: undefined,
    defaultText: 'until Ctrl-C',
    describe: 'stop after this many seconds',
    owner: 'capture',
  }),
  defineOption({
    key: 'maxBodyMb',
    flag: 'max-body-mb',
    type: 'number',
    schema: finite('MiB')
      .positive('must be > 0 MiB')
      .max(MAX_BODY_MB, `must be at most ${MAX_BODY_MB} MiB (a replay refuses larger query bodies)`),
    default: MAX_BODY_MB,
    describe: 'bodies larger than this are forwarded but not recorded',
    owner: 'capture',
  }),
] as const;

interface CaptureArgs {
  [k: string]: unknown;
}

function hostPort(v: string): { host: string; port: number } {
  const m = HOST_PORT.exec(v)!;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

export const captureCommand: CliCommand<CaptureArgs> = {
  command: 'capture',
  describe:
    'record the queries validators send a miner (a transparent proxy in front of its axon) as a replayable queries file',
  builder: (y: Argv) =>
    y
      .options(yargsOptions(CAPTURE_OPTIONS))
      .demandOption(['listen', 'upstream', 'out'])
      .example(
        '$0 capture --listen 0.0.0.0:8091 --upstream 127.0.0.1:8092 --out captured.jsonl',
        'axon moved to 8092; validators keep using 8091',
      )
      .epilogue(
        'Exit codes: 0 ok, 2 usage, 42 --out exists or cannot be written (checked before listening), 70 upstream refused the connection at start, 71 cannot listen, or writing --out failed.',
      ),
  handler: async (argv, io) => {
    const o = commandOptions('capture', CAPTURE_OPTIONS, argv, io.env);
    const listen = hostPort(o.listen!);
    const upstream = hostPort(o.upstream!);
    const maxBodyBytes = Math.round(o.maxBodyMb * 1048576);
    const out = path.resolve(io.cwd, o.out!);
    // The file is checked before anything listens or connects: never overwritten, in a writable folder.
    checkOutputFile(out, '--out', { mustNotExist: true });
    const skips = new Map<string, number>();
    const proxy = await startCaptureProxy({
      listen,
      upstream,
      out,
      maxBodyBytes,
      onSkip: (r) => skips.set(r, (skips.get(r) ?? 0) + 1),
    });
    io.err(
      `capture: listening on ${proxy.address.address}:${proxy.address.port}, forwarding to ${o.upstream}, writing ${o.out} (Ctrl-C stops)\n`,
    );
    await new Promise<void>((resolve) => {
      const t = o.durationS ? setTimeout(resolve, o.durationS * 1000) : undefined;
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
      `capture: replay it with a profile whose queries point at ${o.out} (any --arrival; trace keeps the spacing)\n`,
    );
    return 0;
  },
};
