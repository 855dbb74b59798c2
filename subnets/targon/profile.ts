// SN4 Targon (confidential-compute auctions): nothing to run; the auction law prices a node from a dated auctions
// file (--auction FILE) and the chain. Only TDX/SEV-SNP nodes with CC-mode GPUs are paid (manifold-inc/targon@41cabf5,
// 2026-06-09). See README.md.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';

export default defineSubnet({
  id: 'targon',
  netuid: 4,
  title: 'Targon (confidential-compute auctions: bid vs max bid per node type)',
  workload: { kind: 'none' },
  law: {
    kind: 'auction',
    table: './tables/auctions-example.json',
    assume: {
      // No source: the auctions API does not say how many cards bid. A guess, supply --auction-cards N.
      cardsInAuction: { value: 32, range: [0, 128] },
      where: 'the cards bidding per auction are not published by the auctions API (tower.targon.com/api/v1/auctions)',
    },
  },
  eligibility: [
    {
      gate: 'confidential-compute',
      cpu: ['tdx', 'sev-snp'],
      gpu: 'if-present',
      note: 'Targon runs miners in TEE VMs: AMD SEV-SNP CPUs, or Intel TDX with confidential-compute H100/H200/B200 (docs/miner/miner.md)',
    },
  ],
});
