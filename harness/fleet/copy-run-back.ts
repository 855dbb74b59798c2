// copyRunBack: copies one run folder out of a runner container through the Docker API into <results>/runs/<runId>.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { RUNNER_OUT } from './runner-spec.ts';

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Extracts to a hidden sibling first and renames, so a half-copied run never looks like a run. Returns the folder. */
export async function copyRunBack(container: Docker.Container, runId: string, resultsDir: string): Promise<string> {
  if (!RUN_ID.test(runId)) throw new Error(`refusing the run id ${JSON.stringify(runId)} from the runner`);
  const runs = path.join(resultsDir, 'runs');
  const staging = path.join(runs, `.incoming-${runId}`);
  const dest = path.join(runs, runId);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const archive = await container.getArchive({ path: `${RUNNER_OUT}/runs/${runId}` });
    // readable: no setuid bits, no links out of the staging folder (tar-fs refuses those paths)
    await pipeline(archive, tar.extract(staging, { readable: true, writable: true, dmode: 0o755, fmode: 0o644 }));
    if (!existsSync(path.join(staging, runId, 'result.json')))
      throw new Error(`the runner's run folder ${runId} has no result.json`);
    rmSync(dest, { recursive: true, force: true });
    renameSync(path.join(staging, runId), dest);
    return dest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
