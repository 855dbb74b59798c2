// chooseBaseImage: which BASE_IMAGE build arg a miner build gets: the user's, the local offline one, or the Dockerfile's.
import type Docker from 'dockerode';

/** Built locally from Debian packages where no registry answers (.ci/build-base-image.sh, offline-docker.md). */
export const OFFLINE_BASE_IMAGE = 'minerbench/python-base:bookworm';

export interface BaseImageChoice {
  /** undefined: the Dockerfile's own default (pulled from a registry). */
  baseImage: string | undefined;
  reason: string;
}

/**
 * `requested` (--base-image) wins; else the profile's offline base (miner.offlineBaseImage, e.g. the ffmpeg one vidaio's
 * stand-in needs), else minerbench's python one, when it is on this engine; else the Dockerfile's own default.
 */
export async function chooseBaseImage(
  docker: Docker,
  requested: string | undefined,
  profileOffline?: string,
): Promise<BaseImageChoice> {
  if (requested) return { baseImage: requested, reason: 'given by --base-image / MINERBENCH_BASE_IMAGE' };
  const offline = profileOffline ?? OFFLINE_BASE_IMAGE;
  try {
    await docker.getImage(offline).inspect();
    return { baseImage: offline, reason: `local offline base image ${offline} found` };
  } catch {
    return {
      baseImage: undefined,
      reason: `the Dockerfile's default BASE_IMAGE (needs a registry; ${offline} is not on this engine${
        profileOffline ? ': bash .ci/build-base-image.sh builds it' : ''
      })`,
    };
  }
}
