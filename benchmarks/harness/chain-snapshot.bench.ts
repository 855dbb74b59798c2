// Benchmark: requests, round trips and time to snapshot every subnet via runtime APIs, beside a per-item storage read count.
// Run: npx tsx benchmarks/harness/chain-snapshot.bench.ts [subnets=128] [latencyMs=50]
import { FINNEY_GENESIS, startRecordedChainServer } from '../../test/support/recorded-chain-server.ts';
import { connectChain } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import { PER_SUBNET_ITEMS } from '../../harness/chain/read-subnets-storage.ts';
import { maxOf } from '../../harness/model/min-max.ts';

const subnets = Number(process.argv[2] ?? 128);
const latencyMs = Number(process.argv[3] ?? 50);
const BLOCK = 6_852_690;

// SN1 (1024 UIDs, recorded) is served as netuids 1..N so the scaling to a full chain can be measured; prices are not
// recorded, so every subnet also exercises the swap-API failure and pool-reserve fallback (one request each).
const server = await startRecordedChainServer({ spec: 343, latencyMs, syntheticValues: { cloneSn1: subnets } });
const rows: string[][] = [];
try {
  for (const concurrency of [16, 64, 256]) {
    const conn = await connectChain({
      endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
      retries: 0,
      timeoutMs: 60_000,
    });
    try {
      const t0 = performance.now();
      const snap = await readChainSnapshot(conn, { block: BLOCK, concurrency });
      const ms = performance.now() - t0;
      const uids = snap.subnets.reduce((a, s) => a + s.numUids, 0);
      rows.push([
        `runtime API (getAllDynamicInfo + getSelectiveMetagraph + currentAlphaPrice), ${concurrency} in flight`,
        String(snap.source.requests),
        String(snap.source.roundTrips),
        ms.toFixed(0),
        `${snap.subnets.length} subnets, ${uids} UIDs`,
      ]);
      if (concurrency === 256) {
        // Item by item: every per-subnet storage item, then Keys(netuid, uid) and Owner(hotkey) for each UID, plus the netuid list.
        const perItem = 1 + snap.subnets.reduce((a, s) => a + PER_SUBNET_ITEMS.length + 2 * s.numUids, 0);
        rows.push([
          'storage, one read per item (computed, not run)',
          String(perItem),
          String(perItem),
          `~${((perItem * latencyMs) / 1000).toFixed(0)} s at 1 in flight`,
          `${PER_SUBNET_ITEMS.length} items + 2 per UID, per subnet`,
        ]);
        const batched = 1 + 3 * snap.subnets.length;
        rows.push([
          'storage, batched queryMulti (minerbench fallback; computed)',
          String(batched),
          `${1 + 3 * Math.ceil(snap.subnets.length / 16)}`,
          '-',
          '3 state_queryStorageAt per subnet, 16 subnets in flight',
        ]);
      }
    } finally {
      await conn.disconnect();
    }
  }
} finally {
  await server.close();
}

const head = ['approach', 'requests', 'round trips', 'ms', 'notes'];
const widths = head.map((_, c) => maxOf([head, ...rows].map((r) => r[c]!.length)));
process.stdout.write(
  `chain snapshot of ${subnets} subnets against the recorded-traffic server, ${latencyMs} ms per answer (connect handshake not counted)\n\n`,
);
for (const r of [head, ...rows])
  process.stdout.write(
    `${r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`,
  );
