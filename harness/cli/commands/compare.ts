// `minerbench compare`: the comparison report (machines per subnet, subnets per machine); same as report --compare.
import type { CliCommand } from '../cli-command.ts';
import { REPORT_EXIT_CODES, reportFilterOptions, reportHandler, type ReportArgs } from './report.ts';

export const compareCommand: CliCommand<ReportArgs> = {
  command: 'compare [targets..]',
  describe: 'write the comparison report of indexed runs or result files (= report --compare)',
  builder: (y) =>
    reportFilterOptions(y)
      .example('$0 compare --subnet template', 'every machine that ran the template subnet')
      .example('$0 compare /mnt/fleet/results -o fleet.html', 'compare result files without an index')
      .epilogue(REPORT_EXIT_CODES),
  handler: (argv, io) => reportHandler({ ...argv, compare: true, trend: false }, io, 'compare'),
};
