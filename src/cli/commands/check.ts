/**
 * `scenepacker check <dir>`: the local zipscript. Prints every finding; exits 0 when none is an
 * error, 5 (`release.check_failed`) otherwise.
 */
import type { Command } from 'commander';
import { AppError } from '../../shared/errors.js';
import type { CheckReport } from '../../services/packaging/index.js';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

export function registerCheckCommand(program: Command, kit: Kit): void {
  program
    .command('check <dir>')
    .description('Check a release directory against a ruleset profile (exit 5 on any error)')
    .option('--profile <id>', 'ruleset profile; detected from the name and files when omitted')
    .action(async (dir: string, options: { profile?: string }, command: Command) => {
      const output = kit.output(command);
      const interrupt = kit.env.interrupts();
      let report: CheckReport;
      try {
        report = await kit.env
          .packaging()
          .check({ dir, profile: options.profile ?? null }, interrupt.signal);
      } finally {
        interrupt.release();
      }
      emit(output, report, describe);
      if (!report.ok) {
        throw new AppError(
          'release.check_failed',
          `${report.release} fails ${report.errors} check(s)`,
          { details: { errors: report.errors, warnings: report.warnings } },
        );
      }
    });
}

function describe(report: CheckReport): string {
  const rows = report.findings.map((f) => ({
    level: f.level.toUpperCase(),
    rule: f.rule,
    file: f.file ?? '',
    message: f.message,
  }));
  const header = `${report.release}  (${report.profile.id}${report.profile.detected ? ', detected' : ''})`;
  const summary = `${report.errors} error(s), ${report.warnings} warning(s): ${report.ok ? 'OK' : 'FAILED'}`;
  return [
    header,
    ...(rows.length === 0 ? [] : [table(rows, ['level', 'rule', 'file', 'message'])]),
    summary,
  ].join('\n');
}
