// Builds harness/chain/default-snapshot.json from the 2026-08-07 metagraphed capture in ../shared/fixtures (run with
// tsx); the figures are converted into minerbench's schema by convert-metagraphed-capture.ts.
import { writeChainSnapshotFile } from '../../harness/chain/chain-snapshot-file.ts';
import { DEFAULT_SNAPSHOT_PATH } from '../../harness/chain/default-snapshot.ts';
import { convertMetagraphedCapture } from './convert-metagraphed-capture.ts';

const snap = convertMetagraphedCapture();
await writeChainSnapshotFile(DEFAULT_SNAPSHOT_PATH, snap);
process.stdout.write(
  `wrote ${DEFAULT_SNAPSHOT_PATH}: block ${snap.block.number} (${snap.block.time}), ${snap.subnets.length} subnet(s)\n`,
);
