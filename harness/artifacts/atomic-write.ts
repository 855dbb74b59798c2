// writeFileAtomic: writes a file through a temporary sibling and a rename, so a reader never sees half of it.
import { renameSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
