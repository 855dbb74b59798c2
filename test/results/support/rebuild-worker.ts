// A separate minerbench-like process for the index tests: rebuilds a store's index, pausing at a phase until told to go.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { indexPath, openIndex } from '../../../harness/results/open-index.ts';
import { rebuildIndex } from '../../../harness/results/rebuild-index.ts';

const [outDir, pauseAt, goFile] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
const db = openIndex(indexPath(outDir!), { busyTimeoutMs: 60_000 });
const report = rebuildIndex(db, [path.join(outDir!, 'runs')], {
  onPhase: (phase, n) => {
    process.stdout.write(`${phase} ${n}\n`);
    if (phase !== pauseAt) return;
    // Holds this phase (synchronously, as a long rebuild would) until the test has done its part.
    while (!existsSync(goFile!)) Atomics.wait(pause, 0, 0, 20);
  },
});
db.close();
process.stdout.write(`end ${report.added.length} ${report.failed.length}\n`);
