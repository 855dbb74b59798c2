// checkMachineEndpoint: a machine's endpoint kind and key files, checked before anything starts; problems as lines.
import { closeSync, openSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MachineFile } from './fleet-schema.ts';
import type { EndpointKind } from './fleet-machine.ts';

export interface EndpointCheck {
  kind?: EndpointKind;
  tls?: { ca: string; cert: string; key: string };
  sshKey?: string;
  hostSocket?: string;
  problems: string[];
  warnings: string[];
}

/** ~ and paths relative to the fleet file's folder. */
export function resolveUserPath(p: string, baseDir: string): string {
  if (p === '~' || p.startsWith('~/')) return path.join(os.homedir(), p.slice(1));
  return path.resolve(baseDir, p);
}

/** Opens the file for reading (and closes it) without keeping its content: a key is read only when connecting. */
function unreadable(file: string): string | null {
  try {
    if (!statSync(file).isFile()) return 'not a regular file';
    closeSync(openSync(file, 'r'));
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

export function checkMachineEndpoint(m: MachineFile, where: string, baseDir: string, insecure: boolean): EndpointCheck {
  const out: EndpointCheck = { problems: [], warnings: [] };
  const problem = (field: string, text: string) => out.problems.push(`${where}.${field}: ${text}`);
  let url: URL;
  try {
    url = new URL(m.endpoint);
  } catch {
    problem(
      'endpoint',
      `'${m.endpoint}' is not a URL: use unix:///var/run/docker.sock, ssh://user@host or tcp://host:2376 with tls`,
    );
    return out;
  }
  const files = (field: string, entries: Array<[string, string]>) => {
    const resolved: Record<string, string> = {};
    for (const [k, p] of entries) {
      const abs = resolveUserPath(p, baseDir);
      const why = unreadable(abs);
      if (why) problem(`${field}.${k}`, `cannot read ${abs} (${why}): point it to a readable file`);
      resolved[k] = abs;
    }
    return resolved;
  };
  if (m.tls && url.protocol !== 'tcp:' && url.protocol !== 'https:')
    problem('tls', `TLS files only apply to tcp:// endpoints (this one is ${url.protocol}//)`);
  if (m.ssh && url.protocol !== 'ssh:')
    problem('ssh', `an SSH key only applies to ssh:// endpoints (this one is ${url.protocol}//)`);
  switch (url.protocol) {
    case 'unix:':
      out.kind = 'unix';
      out.hostSocket = m.hostSocket ?? url.pathname;
      break;
    case 'tcp:':
    case 'https:':
    case 'http:':
      out.hostSocket = m.hostSocket ?? '/var/run/docker.sock';
      if (m.tls) {
        out.kind = 'tcp-tls';
        out.tls = files('tls', [
          ['ca', m.tls.ca],
          ['cert', m.tls.cert],
          ['key', m.tls.key],
        ]) as EndpointCheck['tls'];
      } else if (insecure) {
        out.kind = 'tcp-insecure';
        out.warnings.push(
          `${where}: ${m.endpoint} is plain TCP without TLS (--insecure): anyone on that network can run containers as root there`,
        );
      } else {
        problem(
          'endpoint',
          `${m.endpoint} is plain TCP: refused (anyone on the network could drive that engine); add tls: {ca, cert, key}, use ssh://, or pass --insecure`,
        );
      }
      break;
    case 'ssh:':
      out.kind = 'ssh';
      out.hostSocket = m.hostSocket ?? '/var/run/docker.sock';
      if (!url.hostname) problem('endpoint', `${m.endpoint} names no host`);
      if (m.ssh) out.sshKey = files('ssh', [['key', m.ssh.key]]).key;
      break;
    default:
      problem(
        'endpoint',
        `'${m.endpoint}' has an unknown scheme ${url.protocol}// (known: unix://, tcp:// with tls, ssh://)`,
      );
  }
  return out;
}
