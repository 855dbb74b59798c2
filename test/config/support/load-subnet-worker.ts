// A separate process that loads one subnet plugin the way bin/minerbench.js does (through tsx), printing the outcome.
import { loadSubnet } from '../../../harness/config/subnet-registry.ts';

const [id, dir] = process.argv.slice(2);
try {
  const { profile } = await loadSubnet(id!, dir);
  process.stdout.write(`loaded ${profile.id}\n`);
} catch (e) {
  process.stdout.write(`${(e as { code?: string }).code}: ${(e as Error).message}\n`);
}
