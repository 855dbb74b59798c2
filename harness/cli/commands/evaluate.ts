// `minerbench evaluate <run-dir>`: rebuilds result.json and the report of a run from its artifacts alone (after a fix
// to a subnet's score, old runs are re-scored), re-indexes it, and prints the verdict and the answer.
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliCommand } from '../cli-command.ts';
import { loadSubnet } from '../../config/subnet-registry.ts';
import { MinerbenchError } from '../../errors.ts';
import { readRunArtifacts } from '../../run/run-artifacts.ts';
import { evaluateRunFolder } from '../../run/evaluate-run-folder.ts';
import { evaluationHooks, type EvaluationOverrides } from '../../run/evaluation-hooks.ts';
import { readLawTable } from '../../config/law-table-file.ts';
import { lawTableOption } from '../../config/law-table-option.ts';
import { resolveLaw } from '../../evaluate/incentive/incentive-laws.ts';
import { storeAndRender } from '../../run/store-and-render.ts';
import { answerLines } from '../answer-lines.ts';
import { SUBNETS_DIR_OPTION, subnetsDir } from '../subnets-dir-option.ts';
import { checkSubnetsDir } from './subnets-catalogue.ts';
import { checkOutputDir } from '../../artifacts/output-dir.ts';
import { commandOptions } from '../command-options.ts';
import { yargsOptions } from '../option-flags.ts';
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../../artifacts/sha256-hex.ts';

/** --law-table: price with another table instead of the copy the run kept (artifacts/law-table.json). */
const EVALUATE_OPTIONS = [SUBNETS_DIR_OPTION, lawTableOption] as const;

interface EvaluateArgs {
  runDir: string;
  json?: boolean;
  [k: string]: unknown;
}

export const evaluateCommand: CliCommand<EvaluateArgs> = {
  command: 'evaluate <run-dir>',
  describe: "rebuild a run's result.json and report from its artifacts (re-scores with the current plugin)",
  builder: (y: Argv) =>
    y
      .positional('run-dir', { type: 'string', describe: 'a run folder: <out>/runs/<run id>' })
      .options(yargsOptions(EVALUATE_OPTIONS))
      .option('json', { type: 'boolean', describe: 'print the result JSON on stdout' })
      .example('$0 evaluate .minerbench/runs/20261125-101500-template-a1b2', 're-evaluate one run'),
  handler: async (argv, io) => {
    const o = commandOptions('evaluate', EVALUATE_OPTIONS, argv, io.env);
    const plugins = subnetsDir(o, io);
    checkSubnetsDir(plugins, o.subnetsDir ? '--subnets-dir' : 'MINERBENCH_SUBNETS_DIR');
    const dir = path.resolve(io.cwd, argv.runDir);
    const a = readRunArtifacts(dir);
    // result.json and the report are rewritten in the run folder: checked before anything is evaluated.
    checkOutputDir(dir, '<run-dir>');
    const { profile, file } = await loadSubnet(a.context.subnet.id, plugins);
    const sha = sha256Hex(readFileSync(file));
    if (sha !== a.context.profile.sha256)
      io.err(`note: ${a.context.profile.file} changed since the run: scored with the current plugin\n`);
    // The run's own table copy unless --law-table names another (read and checked before anything is rewritten).
    let over: EvaluationOverrides = {};
    if (o.lawTable) {
      const { law } = resolveLaw(profile.law, a.context.profile.file);
      if (!law.tableSchema)
        throw new MinerbenchError(
          'USAGE',
          `--law-table: ${profile.id} is priced by the ${law.kind} law, which takes no table`,
        );
      over = {
        table: readLawTable(
          path.resolve(io.cwd, o.lawTable),
          law.tableSchema,
          new Date(a.context.endedAt ?? a.context.startedAt),
        ),
      };
    }
    const evaluated = evaluateRunFolder(dir, profile, evaluationHooks(profile, over));
    // The run folder is <out>/runs/<id>: its index is <out>/minerbench.db.
    const outDir = path.dirname(path.dirname(dir));
    const stored = storeAndRender(evaluated.result, a.folder, outDir, (e) => {
      if (e.type === 'warning') io.err(`warning: ${e.message}\n`);
    });
    const failure = evaluated.evaluationError ?? stored.renderError;
    io.err(`result: ${a.folder.result}\nreport: ${a.folder.report}\n`);
    if (failure) throw failure;
    for (const line of answerLines(stored.result)) io.err(`[${profile.id}] ${line}\n`);
    if (argv.json) io.out(JSON.stringify(stored.result, null, 2) + '\n');
    if (stored.result.validity.verdict === 'INVALID') return new MinerbenchError('RUN_INVALID', '').exitCode;
    if (stored.result.eligibility?.eligible === false || stored.result.earnings?.eligible === false)
      return new MinerbenchError('NOT_ELIGIBLE', '').exitCode;
    return 0;
  },
};
