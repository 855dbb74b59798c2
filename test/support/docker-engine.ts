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
  try {
    await docker.getImage('minerbench/python-base:bookworm').inspect();
  } catch {
    console.warn('[tests] building the offline base image minerbench/python-base:bookworm');
    execFileSync('bash', [path.join(ROOT, '.ci/build-base-image.sh'), 'python'], {
      stdio: 'inherit',
      timeout: 600_000,
    });
  }
  return docker;
}

export async function minerbenchContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: ['minerbench.run'] } });
}
