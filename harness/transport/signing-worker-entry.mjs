// Entry of a signing worker thread: loads TypeScript through tsx (as bin/minerbench.js does), then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./signing-worker.ts');
