// cachedClips: the run's clips, made once with ffmpeg testsrc2 and kept under <out>/cache/clips/<hash of the specs>, so
// the next run with the same clips serves them without making them again (a half-made set is never used).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateClips, type ClipSpec } from './generate-clips.ts';

/** Marks a finished set: written last, inside the temporary folder, before it is renamed into place. */
const DONE = 'clips.json';

export interface ClipSet {
  /** The folder the clip server serves (references/ inside it). */
  dir: string;
  /** true: made by an earlier run and reused. */
  cached: boolean;
  /** sha256 of the specs (the folder's name). */
  key: string;
}

export function clipSetKey(specs: readonly ClipSpec[]): string {
  return createHash('sha256').update(JSON.stringify(specs)).digest('hex').slice(0, 16);
}

/** The clips of `specs` under `cacheRoot`, made now when they are not there yet. */
export async function cachedClips(
  specs: readonly ClipSpec[],
  cacheRoot: string,
  signal?: AbortSignal,
): Promise<ClipSet> {
  const key = clipSetKey(specs);
  const dir = path.join(cacheRoot, key);
  if (existsSync(path.join(dir, DONE))) return { dir, cached: true, key };
  await mkdir(cacheRoot, { recursive: true });
  const temp = path.join(cacheRoot, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await generateClips(specs, temp, signal);
    await writeFile(path.join(temp, DONE), JSON.stringify({ specs }, null, 2));
    await rename(temp, dir); // whole or not at all: a folder under its key always holds a finished set
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    // another run made the same set meanwhile (the rename found the folder there): use it
    if (existsSync(path.join(dir, DONE))) return { dir, cached: true, key };
    throw e;
  }
  return { dir, cached: false, key };
}
