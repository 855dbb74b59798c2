// connectDocker: a dockerode client for the local (or DOCKER_HOST) engine, probed with a clear error if it is down.
import Docker from 'dockerode';
import { MinerbenchError } from '../errors.ts';

export interface DockerProbe {
  docker: Docker;
  version: string;
  apiVersion: string;
  runtimes: string[];
}

/** Connects to the engine at `endpoint` (dockerOptionsFor / dockerOptionsFromEnv) and checks it answers. */
export async function connectDocker(
  endpoint: { options: Docker.DockerOptions; describe: string },
  timeoutMs = 5000,
): Promise<DockerProbe> {
  const docker = new Docker(endpoint.options);
  const where = endpoint.describe;
  try {
    const info = await Promise.race([
      docker.version(),
      new Promise<never>((_, rej) =>
        setTimeout(() => rej(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    const sys = (await docker.info()) as { Runtimes?: Record<string, unknown> };
    return { docker, version: info.Version, apiVersion: info.ApiVersion, runtimes: Object.keys(sys.Runtimes ?? {}) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new MinerbenchError(
      'DOCKER_UNREACHABLE',
      `Docker engine not reachable at ${where}: ${err.code ?? err.message}`,
      {
        hint: 'start it (systemctl start docker, or dockerd &), check you may use its socket (the docker group), or set DOCKER_HOST',
        cause: e,
      },
    );
  }
}
