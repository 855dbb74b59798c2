#!/usr/bin/env node
// minerbench executable: loads the TypeScript CLI through tsx so no build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../harness/cli/bin.ts');
process.exitCode = await main(process.argv.slice(2));
