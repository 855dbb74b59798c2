// packBuildContext: the build context as a tar stream, honouring .dockerignore the way the docker CLI does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import dockerignoreModule from '@balena/dockerignore';
import tar from 'tar-fs';

// The package is CommonJS (module.exports = factory) while its types declare an ES default export.
const dockerignore = dockerignoreModule as unknown as (typeof dockerignoreModule)['default'];

/** Every file path (relative, '/' separated) in the context that .dockerignore keeps; Dockerfile and .dockerignore always go. */
export function contextFiles(dir: string): string[] {
  const ignoreFile = path.join(dir, '.dockerignore');
  const ig = existsSync(ignoreFile)
    ? dockerignore({ ignorecase: false }).add(readFileSync(ignoreFile, 'utf8'))
    : undefined;
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else files.push(r);
    }
  };
  walk('');
  return files.filter((f) => f === 'Dockerfile' || f === '.dockerignore' || !ig || !ig.ignores(f));
}

export function packBuildContext(dir: string): NodeJS.ReadableStream {
  return tar.pack(dir, { entries: contextFiles(dir) });
}
