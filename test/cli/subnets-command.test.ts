// `minerbench subnets`: lists the bundled profiles; with --offline ranks the subnets of the shipped snapshot.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('minerbench subnets', () => {
  it('lists the bundled subnet profiles with netuid, GPUs, timeout and transport', async () => {
    const r = await runCli(['subnets']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^template\s+1\s+0\s+12 s\s+bittensor-synapse:Dummy\s+Bittensor subnet template \(Dummy synapse\)$/m,
    );
    expect(r.out).toMatch(/^inference-openai\s+/m);
  });

  it('ranks the subnets of the shipped snapshot and says which block and date they are from', async () => {
    const r = await runCli(['subnets', '--offline', '--tao-price', '400']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('using the snapshot shipped with minerbench (block 6,852,690 of 2025-11-10T15:12:24.000Z');
    const [header, row] = r.out.split('\n');
    expect(header).toMatch(/^#\s+netuid\s+name\s+alpha TAO\s+miner pool TAO\/d\s+pool USD\/d\s+paying/);
    expect(row!.trim().split(/\s+/).slice(0, 3)).toEqual(['1', '1', 'Apex']);
    expect(r.out).toContain('TAO = 400 USD at');
  });

  it('refuses a negative price with exit 34', async () => {
    const r = await runCli(['subnets', '--offline', '--tao-price', '-1']);
    expect(r.code).toBe(34);
    expect(r.err).toMatch(/tao-price|TAO price/i);
  });
});
