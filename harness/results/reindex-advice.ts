// reindexAdvice: the command that indexes a run whose result was saved but not indexed, given why indexing failed.
import { isMinerbenchError } from '../errors.ts';

/** A damaged index needs the rebuild (which sets it aside); otherwise importing the run folder is enough. */
export function reindexAdvice(error: unknown, outDir: string, runDir: string): string {
  return isMinerbenchError(error) && error.code === 'INDEX_INVALID'
    ? `minerbench import --rebuild --out ${outDir}`
    : `minerbench import ${runDir} --out ${outDir}`;
}
