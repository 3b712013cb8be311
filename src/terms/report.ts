/**
 * Human-readable renderings: the summary of an agreement (`truce agreement check`) and the
 * assessment as text or as Markdown a monitoring mission could publish. Reports are hostile input,
 * so every text from them is escaped for Markdown tables.
 */
import type { CompiledAgreement } from './agreement.js';
import type { Assessment } from './assess.js';
import type { Finding } from './finding.js';
import { describeInstant } from './time.js';

const cell = (s: string) => s.replace(/[\\|`*_[\]<>#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

export function formatAgreementSummary(ca: CompiledAgreement): string {
  const a = ca.agreement;
  const lines = [
    `${a.title} [${a.id}]`,
    `  effective from ${describeInstant(ca.effectiveFrom, ca.timeZone)}${ca.effectiveTo ? ` to ${describeInstant(ca.effectiveTo, ca.timeZone)}` : ' (no end set)'}`,
    `  parties: ${ca.parties.map((p) => `${p.id}${p.answerableTo ? ` (answered for by ${p.answerableTo})` : ''}`).join(', ')}`,
    `  excluded: ${ca.excluded.map((g) => g.name).join(', ') || 'none'}`,
    `  zones: ${a.zones.map((z) => `${z.id} (${z.kind})`).join(', ') || 'none'}`,
    `  terms (${a.terms.length}):`,
    ...a.terms.map((t) => {
      const detail =
        t.kind === 'obligation'
          ? `obligation: ${t.obligation.type}`
          : t.kind === 'permission'
            ? `permission: ${t.permission}`
            : 'prohibition';
      const binds = t.kind === 'permission' ? t.by : t.binds;
      return `    ${t.id}  ${detail}; ${binds === 'all' ? 'all parties' : binds.join(', ')} — ${t.title} [${t.source.map((s) => s.ref).join(', ')}]`;
    }),
    `  phases: ${a.phases.map((p) => `${p.id}${p.gate ? ` (gate: ${p.gate.consecutive_days} days, at most ${p.gate.max_violations_per_party_per_day} per party per day)` : ''}`).join(', ') || 'none'}`,
  ];
  return lines.join('\n');
}

const shown = (a: Assessment) => a.findings.filter((f) => f.status !== 'not_covered' && f.term_kind !== 'permission');

export function formatAssessmentText(a: Assessment): string {
  const h = a.headline;
  const out = [
    `${a.agreement.title} [${a.agreement.id}]`,
    `period ${a.period.from} to ${a.period.to} (${a.agreement.time_zone}); ${a.incidents_assessed} incident(s) assessed${a.undated_skipped ? `, ${a.undated_skipped} undated skipped` : ''}`,
    `violations ${h.violations}, possible violations ${h.possible_violations}, permitted acts ${h.permitted}`,
    '',
    'by party:',
    ...a.by_party.map(
      (p) =>
        `  ${p.party}: ${p.violation} violation(s), ${p.possible_violation} possible${p.candidate ? `, candidate in ${p.candidate} unattributed` : ''}`,
    ),
    'obligations:',
    ...a.obligations.map((o) => `  ${o.term_id} (${o.type}): ${o.status} — ${o.explanation}`),
    'phases:',
    ...a.phases.map(
      (p) =>
        `  ${p.phase_id}: starts ${p.starts}${p.gate ? `; gate ${p.gate.met_on ? `met on ${p.gate.met_on}` : 'not met'} — ${p.gate.explanation}` : ''}`,
    ),
    'days (violations / possible per party; run of reduced-violence days):',
    ...a.daily.map(
      (d) =>
        `  ${d.day}  ${Object.entries(d.parties)
          .map(([p, x]) => `${p} ${x.violations}/${x.possible}`)
          .join('  ')}${d.unattributed ? `  unattributed ${d.unattributed}` : ''}  run ${d.run}`,
    ),
    '',
    'findings:',
    ...shown(a).map(
      (f) =>
        `  [${f.status}] ${f.term_id} ${f.incident_id ?? '(term)'} ${f.party ?? '?'} conf ${f.confidence}: ${f.explanation}`,
    ),
  ];
  return out.join('\n');
}

function findingMd(f: Finding): string {
  const ids = f.event_ids.length ? ` (events ${f.event_ids.map(cell).join(', ')})` : '';
  const ev = f.evidence.map((e) => `  - “${cell(e.text)}” — ${cell(e.source ?? 'source not recorded')}`).join('\n');
  return `- **${f.status.replace('_', ' ')}** of \`${f.term_id}\` by ${f.party ?? `unidentified (${f.candidates.join(' or ') || 'no candidate'})`}${f.answerable && f.answerable !== f.party ? `, answerable: ${f.answerable}` : ''} — incident ${f.incident_id ?? 'n/a'}${ids}, confidence ${f.confidence}\n  ${cell(f.explanation)}${ev ? `\n${ev}` : ''}`;
}

export function formatAssessmentMarkdown(a: Assessment): string {
  const h = a.headline;
  const termRows = a.by_term
    .filter((t) => t.kind !== 'permission')
    .map((t) => `| ${t.term_id} | ${cell(t.title)} | ${t.kind} | ${t.violation} | ${t.possible_violation} |`);
  const partyRows = a.by_party.map(
    (p) =>
      `| ${cell(p.name)} | ${p.answerable_to ?? '—'} | ${p.violation} | ${p.possible_violation} | ${p.candidate} |`,
  );
  const violations = shown(a).filter((f) => f.status === 'violation');
  const possible = shown(a).filter((f) => f.status === 'possible_violation');
  return [
    `# Compliance report: ${cell(a.agreement.title)}`,
    '',
    `Period assessed: **${a.period.from} to ${a.period.to}** (${a.agreement.time_zone}). Agreement effective from ${a.agreement.effective_from}.`,
    '',
    `- Incidents assessed: ${a.incidents_assessed}${a.undated_skipped ? ` (${a.undated_skipped} undated incidents not assessed)` : ''}`,
    `- Violations: **${h.violations}** in ${h.incidents_with_violation} incident(s)`,
    `- Possible violations (uncertain, each with its reason): **${h.possible_violations}**`,
    `- Acts permitted by the agreement (e.g. strikes on excluded groups): ${h.permitted}`,
    '',
    'A violation is reported only when the act, the party, the place and the time are all established by the reports; any doubt makes it a possible violation. Absence of reports is not proof of compliance.',
    '',
    '## By term',
    '',
    '| term | title | kind | violations | possible |',
    '|---|---|---|---|---|',
    ...termRows,
    '',
    '## By party',
    '',
    '| party | answered for by | violations | possible | candidate for unattributed |',
    '|---|---|---|---|---|',
    ...partyRows,
    '',
    '## Obligations',
    '',
    ...a.obligations.map(
      (o) =>
        `- \`${o.term_id}\` (${o.type}): **${o.status.replace(/_/g, ' ')}**${o.due ? `, due ${o.due}` : ''} — ${cell(o.explanation)}`,
    ),
    '',
    '## Phases',
    '',
    ...a.phases.map(
      (p) =>
        `- ${cell(p.name)}: starts ${p.starts}${p.gate ? ` — gate of ${p.gate.consecutive_days} days: ${p.gate.met_on ? `**met on ${p.gate.met_on}**` : '**not met**'}; ${cell(p.gate.explanation)}` : ''}`,
    ),
    '',
    '## Days',
    '',
    `| day | ${a.by_party.map((p) => `${p.party} (v/p)`).join(' | ')} | unattributed | reduced-violence run |`,
    `|---|${a.by_party.map(() => '---|').join('')}---|---|`,
    ...a.daily.map(
      (d) =>
        `| ${d.day} | ${Object.values(d.parties)
          .map((x) => `${x.violations}/${x.possible}`)
          .join(' | ')} | ${d.unattributed} | ${d.run} |`,
    ),
    '',
    '## Violations',
    '',
    ...(violations.length ? violations.map(findingMd) : ['None reported.']),
    '',
    '## Possible violations',
    '',
    ...(possible.length ? possible.map(findingMd) : ['None reported.']),
    '',
  ].join('\n');
}
