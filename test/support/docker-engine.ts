// ensureDockerEngine: makes sure the tests have a Docker engine and the offline base image; never pulls.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';

const ROOT = path.resolve(import.meta.dirname, '../..');

function engineUp(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export async function ensureDockerEngine(): Promise<Docker> {
  if (!engineUp()) {
    if (!existsSync('/usr/sbin/dockerd') && !existsSync('/usr/bin/dockerd'))
      throw new Error('no Docker engine installed: run bash .ci/run, or apt-get install docker.io');
    console.warn('[tests] the Docker engine is not running: starting dockerd');
    spawn('dockerd', [], { detached: true, stdio: 'ignore' }).unref();
    for (let i = 0; i < 60 && !engineUp(); i++) await new Promise((r) => setTimeout(r, 1000));
    if (!engineUp()) throw new Error('dockerd did not start');
  }
  const docker = new Docker();
  await ensureBaseImage(docker, 'python');
  return docker;
}

/** The offline base images .ci/build-base-image.sh makes: python (template, grail) and ffmpeg (the vidaio stand-in). */
const BASE_IMAGES = { python: 'minerbench/python-base:bookworm', ffmpeg: 'minerbench/ffmpeg-base:bookworm' } as const;

/** Builds the offline base image `which` (debootstrap, no registry) when the engine does not have it yet. */
export async function ensureBaseImage(docker: Docker, which: keyof typeof BASE_IMAGES): Promise<void> {
  const image = BASE_IMAGES[which];
  try {
    await docker.getImage(image).inspect();
  } catch {
    console.warn(`[tests] building the offline base image ${image}`);
    execFileSync('bash', [path.join(ROOT, '.ci/build-base-image.sh'), which], { stdio: 'inherit', timeout: 900_000 });
  }
}

export async function minerbenchContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: ['minerbench.run'] } });
}

export async function minerbenchNetworks(docker: Docker): Promise<Docker.NetworkInspectInfo[]> {
  return docker.listNetworks({ filters: { label: ['minerbench.run'] } });
}

/** Runs a command in a running container (as its user) and returns its output and exit code. */
export async function execIn(
  container: Docker.Container,
  cmd: string[],
): Promise<{ code: number | null; output: string }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await new Promise((r) => stream.on('end', r));
  const { ExitCode } = await exec.inspect();
  // Framed like logs: [stream, 0, 0, 0, size] + payload.
  const buf = Buffer.concat(chunks);
  let out = '';
  for (let off = 0; off + 8 <= buf.length; off += 8 + buf.readUInt32BE(off + 4))
    out += buf.subarray(off + 8, off + 8 + buf.readUInt32BE(off + 4)).toString('utf8');
  return { code: ExitCode, output: out };
}
