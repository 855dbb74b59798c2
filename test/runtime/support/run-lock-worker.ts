// A separate minerbench-like process for the other-runs tests: registers a run, says so, and stays until killed.
import { registerRun } from '../../../harness/runtime/other-runs.ts';

const [runId, root] = process.argv.slice(2);
registerRun(runId!, root);
process.stdout.write('registered\n');
setInterval(() => {}, 60_000);
