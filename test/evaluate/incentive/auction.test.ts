// auction law (Targon) worked by hand on the example auctions of targon@41cabf5 docs/miner/miner.md: the auction's
// part shared by cards, the max-bid cap, the minimum cluster, and a node type with no auction.
import { describe, expect, it } from 'vitest';
import {
  auctionFor,
  auctionLaw,
  auctionTableSchema,
  type AuctionConfig,
} from '../../../harness/evaluate/incentive/auction.ts';
import { ctx, facts, gpu, measure, pluginTable } from './law-test-support.ts';

const table = pluginTable('subnets/targon/tables/auctions-example.json', auctionTableSchema);
const config: AuctionConfig = {
  kind: 'auction',
  table: './tables/auctions-example.json',
  assume: { cardsInAuction: { value: 64, range: [0, 256] }, where: 'the test' },
};
const tdx = (n: number, name = 'NVIDIA H200') =>
  measure(
    facts(
      Array.from({ length: n }, () => gpu({ name, memoryTotalMiB: 143771, ccMode: 'on' })),
      {
        cpu: { model: 'Intel Xeon 6', ccFlags: ['tdx_guest'], source: '/proc/cpuinfo' },
      },
    ),
  );

describe('auction (Targon)', () => {
  it('picks the auction from the CPU and GPU', () => {
    const names = Object.keys(table.data.auctions);
    expect(auctionFor(names, 'NVIDIA H200', ['tdx_guest'])).toBe('TDX-NVCC-NVIDIA-H200');
    expect(auctionFor(names, null, ['sev_snp'])).toBe('SEV-CPU-AMD-EPYC-V4');
    expect(auctionFor(names, 'NVIDIA H100 80GB HBM3', ['tdx_guest'])).toBeNull();
  });

  it('caps 8 x H200 at the max bid when few cards bid', () => {
    const e = auctionLaw.estimate(
      ctx({ machine: tdx(8), config, flags: { auction: null, auctionName: null, auctionCards: 56 }, table }),
    );
    // Pool in USD/day = 3000 alpha x 0.02 TAO x 272.31050874 (the file's TAO price) = 16,338.63 USD.
    // Max bid 300 cents/card-hour = 72 USD per card-day = 72 / 16,338.63 = 0.00440674 of the pool per card.
    // Auction part for 8 of 64 cards: 0.60 x 8/64 = 0.075 > cap 8 x 0.00440674 = 0.0352539 -> capped.
    const pool = 3000 * 0.02 * 272.31050874;
    expect(e.eligible).toBe(true);
    expect(e.share.value).toBeCloseTo((8 * 72) / pool, 12);
    expect(e.share.value).toBeCloseTo(0.0352539, 7);
    expect(e.breakdown.find((b) => b.label.startsWith('pay per card-hour'))?.value).toBeCloseTo(3, 9);
    // 65 % of the emission is in auctions: the law burns the other 35 %.
    expect(e.lawBurnFraction).toBeCloseTo(0.35, 12);
  });

  it('shares the auction below the cap when many cards bid, and spans the guess when the count is unknown', () => {
    const e = auctionLaw.estimate(
      ctx({ machine: tdx(8), config, flags: { auction: null, auctionName: null, auctionCards: 400 }, table }),
    );
    // 0.60 x 8 / 408 = 0.0117647 (below the cap 0.0352539)
    expect(e.share.value).toBeCloseTo((0.6 * 8) / 408, 12);
    const u = auctionLaw.estimate(
      ctx({ machine: tdx(8), config, flags: { auction: null, auctionName: null, auctionCards: null }, table }),
    );
    // 64 others: 0.6 x 8/72 = 0.0666 -> capped 0.0352539; 256 others: 0.6 x 8/264 = 0.0181818; 0 others: capped.
    expect(u.share.low).toBeCloseTo((0.6 * 8) / 264, 12);
    expect(u.share.high).toBeCloseTo(0.0352539, 7);
    expect(u.inputs.find((i) => i.name === 'cardsInAuction')?.supplyWith).toBe('--auction-cards N');
  });

  it('refuses a node below the minimum cluster and a node type with no auction', () => {
    const four = auctionLaw.estimate(
      ctx({ machine: tdx(4), config, flags: { auction: null, auctionName: null, auctionCards: 0 }, table }),
    );
    expect(four.eligible).toBe(false);
    expect(four.reasons).toEqual(['TDX-NVCC-NVIDIA-H200 needs at least 8 GPUs per node; this node has 4']);
    const h100 = auctionLaw.estimate(
      ctx({
        machine: tdx(8, 'NVIDIA H100 80GB HBM3'),
        config,
        flags: { auction: null, auctionName: null, auctionCards: 0 },
        table,
      }),
    );
    expect(h100.eligible).toBe(false);
    expect(h100.reasons[0]).toContain('auctions: SEV-CPU-AMD-EPYC-V4, TDX-NVCC-NVIDIA-H200');
  });
});
