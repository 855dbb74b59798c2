// Builds harness/chain/default-snapshot.json from the recorded finney traffic, through the real client (run with tsx).
import { FINNEY_GENESIS, startRecordedChainServer } from './recorded-chain-server.ts';
import { connectChain } from '../../harness/chain/connect-chain.ts';
import { readChainSnapshot } from '../../harness/chain/read-chain-snapshot.ts';
import { writeChainSnapshotFile } from '../../harness/chain/chain-snapshot-file.ts';
import { DEFAULT_SNAPSHOT_PATH } from '../../harness/chain/default-snapshot.ts';

/** The block of the recorded SN1 runtime-API dumps (bittensor tests, `metagraph` seed). */
const RECORDED_BLOCK = 6_852_690;

const server = await startRecordedChainServer({ spec: 343 });
const conn = await connectChain({
  endpoint: { network: 'finney', url: server.url, genesisHash: FINNEY_GENESIS },
  retries: 0,
});
try {
  const snap = await readChainSnapshot(conn, { block: RECORDED_BLOCK });
  snap.source.endpoint = 'recorded finney traffic (../shared/fixtures/chain, opentensor/bittensor@bb526e6d tests)';
  snap.source.note =
    'Only SN1 was recorded. Values are real; getAllDynamicInfo and getSelectiveMetagraph answers were re-encoded by the test server ' +
    'from the recorded get_selective_mechagraph dump; genesis hash and system_properties are not in the recordings. ' +
    `Synthetic answers: ${[...server.syntheticAnswers].join('; ')}`;
  await writeChainSnapshotFile(DEFAULT_SNAPSHOT_PATH, snap);
  process.stdout.write(
    `wrote ${DEFAULT_SNAPSHOT_PATH}: block ${snap.block.number} (${snap.block.time}), ${snap.subnets.length} subnet(s)\n`,
  );
} finally {
  await conn.disconnect();
  await server.close();
}
