/** `scenepacker rules list|show <profile>`: the ruleset profiles scenepacker packs and checks by. */
import type { Command } from 'commander';
import type { RulesetProfile } from '../../services/packaging/index.js';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

export function registerRulesCommands(program: Command, kit: Kit): void {
  const rules = program.command('rules').description('Scene ruleset profiles');
  rules
    .command('list')
    .description('List the ruleset profiles')
    .action((_options: unknown, command: Command) => {
      const profiles = kit.env.packaging().listRules();
      const rows = profiles.map((p) => ({
        id: p.id,
        version: p.version,
        types: p.releaseTypes.join(','),
        confidence: p.confidence,
        title: p.title,
      }));
      emit(kit.output(command), rows, (data) =>
        table(data, ['id', 'version', 'types', 'confidence', 'title']),
      );
    });
  rules
    .command('show <profile>')
    .description('Show one profile: naming, archive layout, volume sizes, files, NFO, DIZ, sample')
    .action((id: string, _options: unknown, command: Command) => {
      const profile = kit.env.packaging().showRules(id);
      emit(kit.output(command), profile, summary);
    });
}

function summary(p: RulesetProfile): string {
  const sizes = p.archive.volumeSizes;
  const fixed = sizes.fixed.map((n) => n.toLocaleString('en-US')).join(', ');
  const multiple =
    sizes.multipleOf === null
      ? ''
      : `${fixed === '' ? '' : '; '}n x ${sizes.multipleOf.toLocaleString('en-US')}`;
  const stepUp =
    sizes.stepUpMinVolumes === null
      ? ''
      : ` (step-up: n>1 only when n-1 gives ≥${sizes.stepUpMinVolumes} volumes)`;
  return [
    `${p.id} ${p.version} — ${p.title}`,
    `Ruleset      ${p.ruleset} (confidence ${p.confidence}, mandatory from ${p.mandatoryFrom})`,
    `Types        ${p.releaseTypes.join(', ')}`,
    `Name         max ${p.naming.maxLength} chars of ${p.naming.allowedCharacters}, group ${p.naming.groupPattern}`,
    `Archive      ${p.archive.layout}, RAR4 store, old-style names, no recovery record`,
    `Volumes      ${fixed}${multiple} bytes${stepUp}; at most ${p.archive.maxVolumes}`,
    `SFV          ${p.archive.sfv}`,
    `Files        ${p.files.required.map((r) => `${r.id} (${r.min}–${r.max ?? '∞'})`).join(', ')}`,
    `Forbidden    ${[...p.files.forbidden.map((r) => r.id), ...p.files.forbiddenDirs.map((d) => `${d}/`)].join(', ')}`,
    `NFO          ≤${p.nfo.maxWidth} columns, ${p.nfo.encoding}, ${p.nfo.lineEnding}`,
    ...(p.diz === null
      ? []
      : [
          `DIZ          ${p.diz.fileName}, ≤${p.diz.maxWidth}x${p.diz.maxLines}, counter ${p.diz.counter}`,
        ]),
    ...(p.sample === null
      ? []
      : [
          `Sample       ${p.sample.count} in ${p.sample.dir}/, ${p.sample.minSeconds}–${p.sample.maxSeconds} s, ${p.sample.containers.join('/')}`,
        ]),
    'Assumptions',
    ...p.assumptions.map((a) => `  [${a.confidence}] ${a.setting}: ${a.note}`),
  ].join('\n');
}
