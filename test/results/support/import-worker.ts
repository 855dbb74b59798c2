// A separate minerbench-like process for the index tests: imports result files into a store, printing one line per file.
import { importResults } from '../../../harness/results/import-results.ts';
import { indexPath, openIndex } from '../../../harness/results/open-index.ts';

const [outDir, ...targets] = process.argv.slice(2);
const db = openIndex(indexPath(outDir!), { busyTimeoutMs: 60_000 });
const report = importResults(db, targets, {
  outDir: outDir!,
  onFile: (_f, outcome, done) => process.stdout.write(`${done} ${outcome}\n`),
});
db.close();
process.stdout.write(`end ${report.added.length} ${report.failed.length}\n`);
