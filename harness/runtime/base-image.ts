// chooseBaseImage: which BASE_IMAGE build arg a miner build gets: the user's, the local offline one, or the Dockerfile's.
import type Docker from 'dockerode';

/** Built locally from Debian packages where no registry answers (.ci/build-base-image.sh, offline-docker.md). */
export const OFFLINE_BASE_IMAGE = 'minerbench/python-base:bookworm';

export interface BaseImageChoice {
  /** undefined: the Dockerfile's own default (pulled from a registry). */
  baseImage: string | undefined;
  reason: string;
}

export async function chooseBaseImage(docker: Docker, requested: string | undefined): Promise<BaseImageChoice> {
  if (requested) return { baseImage: requested, reason: 'given by --base-image / MINERBENCH_BASE_IMAGE' };
  try {
    await docker.getImage(OFFLINE_BASE_IMAGE).inspect();
    return { baseImage: OFFLINE_BASE_IMAGE, reason: `local offline base image ${OFFLINE_BASE_IMAGE} found` };
  } catch {
    return { baseImage: undefined, reason: "the Dockerfile's default BASE_IMAGE (needs a registry)" };
  }
}
