// processMinerEnv: the environment a local-process miner gets: an allow-list of the host's variables, never all of them.

/** Host variables a miner process may need to start at all (find python, CUDA, a locale); nothing that holds secrets. */
export const PASSED_HOST_ENV: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'LD_LIBRARY_PATH',
  'CUDA_HOME',
  'CUDA_PATH',
  'PYENV_ROOT',
  'PYENV_VERSION',
  'VIRTUAL_ENV',
  'CONDA_PREFIX',
];

const passed = (name: string) => PASSED_HOST_ENV.includes(name) || /^LC_[A-Z]+$/.test(name);

/** The allow-listed host variables, then the profile's miner.env, then what minerbench sets (port, hotkey, run id). */
export function processMinerEnv(
  host: NodeJS.ProcessEnv,
  profileEnv: Record<string, string> | undefined,
  own: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(host)) if (v !== undefined && passed(k)) env[k] = v;
  return { ...env, ...(profileEnv ?? {}), ...own };
}
