// minerCpuset: the cores miners may use, keeping core 0 for minerbench itself where the machine has enough of them.
import os from 'node:os';

/** '1-N' on machines with 4 or more cores; undefined (share every core) on smaller ones, where a split would starve either side. */
export function minerCpuset(cores = os.cpus().length): string | undefined {
  return cores >= 4 ? `1-${cores - 1}` : undefined;
}
