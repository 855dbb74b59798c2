// `minerbench import <paths..>`: gathers result files from other machines into this store's index; --rebuild redoes it.
import path from 'node:path';
import type { CliCommand } from '../cli-command.ts';
import { isMinerbenchError, MinerbenchError } from '../../errors.ts';
import { importResults, type ImportReport } from '../../results/import-results.ts';
import { indexPath, openIndex, type IndexDb } from '../../results/open-index.ts';
import { rebuildIndex } from '../../results/rebuild-index.ts';
import { isNewerIndex, setAsideIndex } from '../../results/set-aside-index.ts';
import { indexWaitMs } from '../../results/store-location.ts';
import { checkOutputDir } from '../../artifacts/output-dir.ts';
import { OUT_OPTION } from '../../config/run-options.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { terminalText } from '../terminal-text.ts';

const IMPORT_OPTIONS = [OUT_OPTION] as const;

interface ImportArgs {
  paths?: string[];
  rebuild?: boolean;
  json?: boolean;
  [k: string]: unknown;
}

export const importCommand: CliCommand<ImportArgs> = {
  command: 'import [paths..]',
  describe: 'index result files from another machine or folder (copied into runs/), or --rebuild the index from runs/',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, describe: 'result.json files or folders holding them' })
      .option('rebuild', {
        type: 'boolean',
        describe:
          'fill the index again from <out>/runs (and the paths given); a damaged index is moved aside (kept) first',
      })
      .options(yargsOptions(IMPORT_OPTIONS))
      .option('json', { type: 'boolean', describe: 'print what was imported as JSON on stdout' })
      .example('$0 import /mnt/gpu-07/.minerbench', "gather gpu-07's runs into this machine's index")
      .example('$0 import --rebuild', 'rebuild .minerbench/minerbench.db from .minerbench/runs')
      .epilogue(
        'Exit codes: 0 all imported, 2 usage, 40 a file is not a complete result, 41 unknown schema version, 42 store failed, 43 index locked, 44 not an index, 45 two results claim one run id. Good files are imported even when others fail.',
      ),
  handler: async (argv, io) => {
    const o = commandOptions('import', IMPORT_OPTIONS, argv, io.env);
    const dir = path.resolve(io.cwd, o.out);
    const paths = (argv.paths ?? []).map((p) => path.resolve(io.cwd, p));
    if (!paths.length && !argv.rebuild)
      throw new MinerbenchError('USAGE', 'name the result files or folders to import, or pass --rebuild', {
        hint: 'minerbench import <dir|result.json>',
      });
    // Imported results are copied into <out>/runs and indexed in <out>/minerbench.db: checked before the first copy.
    checkOutputDir(dir, '--out');
    const file = indexPath(dir);
    const open = () => openIndex(file, { busyTimeoutMs: indexWaitMs(io.env) });
    const damaged = (e: unknown) => isMinerbenchError(e) && e.code === 'INDEX_INVALID' && !isNewerIndex(file);
    let report: ImportReport;
    if (argv.rebuild) {
      // A damaged index is what --rebuild is for: it is set aside (kept) and a new one is built from the result files.
      const rebuild = (db: IndexDb) => {
        try {
          if (paths.length) importResults(db, paths, { outDir: dir });
          return rebuildIndex(db, [path.join(dir, 'runs')]);
        } finally {
          db.close();
        }
      };
      try {
        report = rebuild(open());
      } catch (e) {
        if (!damaged(e)) throw e;
        const movedTo = setAsideIndex(file);
        io.err(`import: ${terminalText(file)} is damaged; moved aside to ${terminalText(movedTo)}\n`);
        report = rebuild(open());
      }
    } else {
      const db = open();
      try {
        report = importResults(db, paths, {
          outDir: dir,
          onFile: (f, outcome, done, total) => {
            if (!io.isTTY && (done % 100 === 0 || done === total)) io.err(`import: ${done}/${total} files\n`);
            else if (io.isTTY)
              io.err(
                `\r\x1b[2Kimport: ${done}/${total} ${outcome} ${terminalText(path.basename(path.dirname(f)))}${done === total ? '\n' : ''}`,
              );
          },
        });
      } finally {
        db.close();
      }
    }
    if (argv.json)
      io.out(
        JSON.stringify(
          { ...report, failed: report.failed.map((f) => ({ file: f.file, ...f.error.toJSON() })) },
          null,
          2,
        ) + '\n',
      );
    io.err(
      `${argv.rebuild ? 'rebuilt' : 'imported'}: ${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} already indexed, ${report.failed.length} failed (${terminalText(indexPath(dir))})\n`,
    );
    for (const f of report.failed)
      io.err(
        `  ${f.error.code}: ${terminalText(f.error.message)}${f.error.details.length ? `\n    ${f.error.details.map((d) => terminalText(d)).join('\n    ')}` : ''}\n`,
      );
    return report.failed.reduce((worst, f) => Math.max(worst, f.error.exitCode), 0);
  },
};
