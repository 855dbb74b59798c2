// dockerOptionsFor: dockerode connection options from a Docker endpoint URL (unix://, tcp:// with TLS, ssh://) or DOCKER_HOST.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { MinerbenchError } from '../errors.ts';

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

/** Options for one engine; `describe` is the endpoint as shown to users (never a key). */
export function dockerOptionsFor(
  endpoint: string | undefined,
  tls?: TlsFiles,
): { options: Docker.DockerOptions; describe: string } {
  if (!endpoint) return { options: { socketPath: '/var/run/docker.sock' }, describe: 'unix:///var/run/docker.sock' };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new MinerbenchError('CONFIG_INVALID', `Docker endpoint '${endpoint}' is not a URL`, {
      hint: 'use unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host',
    });
  }
  switch (url.protocol) {
    case 'unix:':
      return { options: { socketPath: url.pathname }, describe: endpoint };
    case 'tcp:':
    case 'https:':
    case 'http:': {
      const port = Number(url.port || (url.protocol === 'http:' ? 2375 : 2376));
      if (!tls) return { options: { protocol: 'http', host: url.hostname, port }, describe: endpoint };
      const read = (p: string, what: string) => {
        try {
          return readFileSync(p);
        } catch (e) {
          throw new MinerbenchError(
            'CONFIG_INVALID',
            `cannot read the TLS ${what} file ${p}: ${(e as NodeJS.ErrnoException).code}`,
            { hint: 'point to readable PEM files' },
          );
        }
      };
      return {
        options: {
          protocol: 'https',
          host: url.hostname,
          port,
          ca: read(tls.ca, 'CA'),
          cert: read(tls.cert, 'certificate'),
          key: read(tls.key, 'key'),
        },
        describe: endpoint,
      };
    }
    case 'ssh:':
      return {
        options: {
          protocol: 'ssh',
          host: url.hostname,
          port: Number(url.port || 22),
          ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
        },
        describe: endpoint,
      };
    default:
      throw new MinerbenchError(
        'CONFIG_INVALID',
        `Docker endpoint '${endpoint}' has an unknown scheme ${url.protocol}`,
        { hint: 'use unix://, tcp:// (with TLS files) or ssh://' },
      );
  }
}

/** The local engine as the docker CLI finds it: DOCKER_HOST (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), else the default socket. */
export function dockerOptionsFromEnv(env: NodeJS.ProcessEnv): { options: Docker.DockerOptions; describe: string } {
  const host = env.DOCKER_HOST;
  const certDir = env.DOCKER_CERT_PATH;
  const tls =
    host && env.DOCKER_TLS_VERIFY && certDir
      ? { ca: path.join(certDir, 'ca.pem'), cert: path.join(certDir, 'cert.pem'), key: path.join(certDir, 'key.pem') }
      : undefined;
  return dockerOptionsFor(host, tls);
}
