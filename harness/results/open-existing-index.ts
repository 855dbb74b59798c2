// openExistingIndex: opens the index of a store for reading commands; a missing index is "no runs", not a new file.
import { existsSync } from 'node:fs';
import { MinerbenchError } from '../errors.ts';
import { indexPath, openIndex, type IndexDb, type OpenIndexOptions } from './open-index.ts';

export function openExistingIndex(outDir: string, opts: OpenIndexOptions = {}): IndexDb {
  const file = indexPath(outDir);
  if (!existsSync(file)) {
    throw new MinerbenchError('NO_MATCHING_RUNS', `there is no results index at ${file}`, {
      hint: 'run a benchmark there, give --out the folder that holds runs/, or index result files with: minerbench import <dir>',
    });
  }
  return openIndex(file, opts);
}
