// Every command's flags are validated before anything starts: ranges, NaN, negatives and conflicts end in one USAGE
// error (exit 2) that names each bad flag and its value, all problems at once.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const store = mkdtempSync(path.join(os.tmpdir(), 'minerbench-flags-')); // empty: a late check would end in 44
const RESULT = path.resolve(import.meta.dirname, '../fixtures/runs/template-cpu');
afterAll(() => rmSync(store, { recursive: true, force: true }));

/** Exit 2, one USAGE error, and each expected line in it. */
async function refused(args: string[], ...lines: string[]): Promise<void> {
  const r = await runCli(args);
  expect(r.err).toContain('error USAGE');
  for (const l of lines) expect(r.err).toContain(l);
  expect(r.code).toBe(2);
  expect(r.err.match(/error USAGE/g)).toHaveLength(1);
}

describe('history', () => {
  it('--limit -1, NaN and 1.5; --since that is no date or reaches before any date', async () => {
    await refused(['history', '--out', store, '--limit', '-1'], 'flag --limit: must be >= 1 (runs) (got -1)');
    await refused(['history', '--out', store, '--limit', 'NaN'], 'flag --limit: must be a number (runs) (got NaN)');
    await refused(
      ['history', '--out', store, '--limit', '1.5', '--since', 'last tuesday'],
      'flag --limit: must be a whole number of runs (got 1.5)',
      'flag --since: must be a date (2026-11-01) or a span back (36h, 7d, 4w) (got "last tuesday")',
    );
    // 10^15 hours back is before the earliest date a Date can hold (8.64e15 ms after 1970 either way).
    await refused(['history', '--out', store, '--since', '1000000000000000h'], 'flag --since: must be a date');
  });
});

describe('import, report, compare', () => {
  it('import --out "" is not a folder', async () => {
    await refused(['import', '--rebuild', '--out', ''], 'flag --out: must be a folder path (got "")');
  });

  it('report --compare --trend and a bad --since: both in one message', async () => {
    await refused(
      ['report', '--compare', '--trend', '--since', '7 days', '--out', store],
      '--compare and --trend make different reports: pick one',
      'flag --since: must be a date',
    );
  });

  it('compare --output "" and --subnet ""', async () => {
    await refused(
      ['compare', '--output', '', '--subnet', '', '--out', store],
      'flag --output: must be a file path (got "")',
      'flag --subnet: must name a subnet id (got "")',
    );
  });
});

describe('fleet', () => {
  it('--night that is not a calendar day, --only with an empty name', async () => {
    await refused(
      ['fleet', 'run', 'fleet.yaml', '--night', '2026-13-45', '--only', ''],
      'flag --night: must be a date like 2026-11-21 (got "2026-13-45")',
      'flag --only: must name a machine',
    );
  });
});

describe('capture', () => {
  it('listen/upstream not HOST:PORT, --duration negative or NaN, --max-body-mb beyond what a replay reads', async () => {
    await refused(
      ['capture', '--listen', 'nohost', '--upstream', '127.0.0.1:70000', '--out', 'q.jsonl', '--duration', '-5'],
      'flag --listen: must be HOST:PORT with a port 1-65535, e.g. 0.0.0.0:8091 (got "nohost")',
      'flag --upstream: must be HOST:PORT with a port 1-65535, e.g. 0.0.0.0:8091 (got "127.0.0.1:70000")',
      'flag --duration: must be > 0 seconds (got -5)',
    );
    await refused(
      [
        'capture',
        '--listen',
        ':1',
        '--upstream',
        'h:2',
        '--out',
        'q.jsonl',
        '--duration',
        'NaN',
        '--max-body-mb',
        '64',
      ],
      'flag --duration: must be a number (seconds) (got NaN)',
      // A replay refuses query bodies over 8 MiB (MAX_QUERY_BODY_BYTES), so recording bigger ones is a mistake.
      'flag --max-body-mb: must be at most 8 MiB (a replay refuses larger query bodies) (got 64)',
    );
  });
});

describe('doctor', () => {
  it('takes no value flags: an unknown flag is refused (exit 2)', async () => {
    const r = await runCli(['doctor', '--gpus', '0']);
    expect(r.err).toContain('Unknown argument: gpus');
    expect(r.code).toBe(2);
  });
});

describe('chain snapshot', () => {
  it('--chain-timeout -1000, --netuids NaN, --samples 1 without --window, --method and --window out of range', async () => {
    await refused(
      ['chain', 'snapshot', '--out', 'x.json', '--chain-timeout', '-1000', '--netuids', 'NaN', '--samples', '1'],
      'flag --chain-timeout: must be > 0 seconds (got -1000)',
      'flag --netuids: must be a netuid (an integer 0-65535)',
      'flag --samples: must be >= 2 (got 1)',
    );
    await refused(
      [
        'chain',
        'snapshot',
        '--out',
        'x.json',
        '--method',
        'rpc',
        '--window',
        '100d',
        '--samples',
        '3',
        '--block',
        '-1',
      ],
      'flag --method: must be runtime-api, subnet-info or storage (got "rpc")',
      'flag --window: must be a window of 1 hour to 90 days (7d, 36h) (got "100d")',
      'flag --block: must be >= 0 (got -1)',
    );
    await refused(['chain', 'snapshot', '--out', 'x.json', '--samples', '3'], '--samples needs --window');
  });
});

describe('subnets', () => {
  it('prices NaN, negative, in no currency, undated; --json with --csv; --block with --offline: all at once', async () => {
    await refused(
      [
        'subnets',
        '--rank',
        '--offline',
        '--block',
        '5',
        '--tao-price',
        'NaN',
        '--kwh-price',
        '-0.1',
        '--currency',
        'US$',
        '--json',
        '--csv',
      ],
      'flag --tao-price: must be a number (price of 1 TAO) (got NaN)',
      'flag --kwh-price: must be >= 0 (electricity price per kWh) (got -0.1)',
      'flag --currency: must be a currency code such as USD or EUR (got "US$")',
      '--json and --csv both given',
      '--block reads the live chain at that block: not with --offline',
    );
    await refused(
      ['subnets', '--tao-price-at', 'yesterday'],
      'flag --tao-price-at: must be a date (ISO, e.g. 2026-11-25) (got "yesterday")',
    );
    await refused(
      ['subnets', '--tao-price-at', '2026-11-01'],
      '--tao-price-at dates a TAO price: give --tao-price too',
    );
  });
});

describe('estimate', () => {
  it("PUE, tenure, the law's inputs and a chain flag, all at once", async () => {
    await refused(
      [
        'estimate',
        path.join(RESULT, 'result.json'),
        '--offline',
        '--pue',
        '0.5',
        '--tenure-days',
        '0',
        '--gpus-of-model',
        '-3',
        '--utilisation',
        '1.5',
        '--chain-retries',
        '50',
      ],
      'flag --pue: must be >= 1',
      'flag --tenure-days: must be > 0 days (got 0)',
      'flag --gpus-of-model: a count of GPUs (>= 0) (got -3)',
      'flag --utilisation: a fraction 0..1 (utilisation above 1 is not possible) (got 1.5)',
      'flag --chain-retries: must be <= 20 (got 50)',
    );
  });
});

describe('evaluate', () => {
  it('a --subnets-dir that is not a folder', async () => {
    await refused(['evaluate', RESULT, '--subnets-dir', '/no/such/dir'], '--subnets-dir /no/such/dir is not a folder');
  });
});

describe('run', () => {
  it('--warmup -1, --duration NaN and --idle-seconds beyond 600: every run option named at once', async () => {
    await refused(
      ['run', 'template', '--out', store, '--warmup', '-1', '--duration', 'NaN', '--idle-seconds', '900'],
      'flag --warmup: must be >= 0 (warm-up queries) (got -1)',
      'flag --duration: must be a number (seconds to measure for) (got NaN)',
      'flag --idle-seconds: must be at most 600 seconds (got 900)',
    );
  });
});
