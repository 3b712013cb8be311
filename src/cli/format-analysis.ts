/** The human-readable summary of one analysis. Report text is hostile: control characters are escaped. */
import pc from 'picocolors';
import type { Analysis, AnalysisEvent } from '../core/analysis.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes terminal control sequences (ANSI escapes, carriage returns) that a report could carry. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const PRECISION = { 1: 'day', 2: 'week', 3: 'month' } as const;

/** Report-derived text on one line, shortened and made safe for a terminal. */
function clip(text: string, max = 200): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return terminalSafe(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}

function eventLine(e: AnalysisEvent): string {
  const date = e.event_date ? `${e.event_date} (${PRECISION[e.time_precision ?? 1]})` : 'date unknown';
  const actors = clip([e.actor1 ?? 'unidentified actor', e.actor2].filter(Boolean).join(' vs '));
  const place = e.location
    ? `${clip(e.location)}${e.country ? `, ${clip(e.country)}` : ''} (geo ${e.geo_precision})`
    : 'place unknown';
  const deaths = e.fatalities === null ? 'fatalities unknown' : `${e.fatalities} killed`;
  const modality = e.modality === 'asserted' ? pc.green(e.modality) : pc.yellow(e.modality);
  return `  ${date}  ${pc.bold(`${e.event_type} / ${e.sub_event_type}`)}  ${actors}  at ${place}  ${deaths}  [${modality}, ${e.confidence.toFixed(2)}]`;
}

export function formatAnalysis(name: string, a: Analysis): string {
  const lines: string[] = [];
  lines.push(pc.bold(`== ${clip(name)}`));
  lines.push(`Headline:  ${a.report.headline ? clip(a.report.headline, 120) : '(none found)'}`);
  lines.push(`Published: ${a.report.published ?? '(unknown)'}`);
  if (a.report.dateline) lines.push(`Dateline:  ${clip(a.report.dateline, 80)}`);
  lines.push(`Events (${a.events.length}):`);
  for (const e of a.events) {
    lines.push(eventLine(e));
    lines.push(pc.dim(`      "${clip(e.evidence, 150)}"${e.source ? ` (source: ${clip(e.source)})` : ''}`));
  }
  lines.push(`Quotes (${a.quotes.length}):`);
  for (const q of a.quotes) {
    lines.push(
      `  ${q.kind === 'direct' ? '"' : '~'}${clip(q.text, 100)}${q.kind === 'direct' ? '"' : ''} — ${q.speaker ? clip(q.speaker) : 'speaker unknown'}`,
    );
  }
  if (a.report.removed.length) lines.push(pc.dim(`Removed ${a.report.removed.length} piece(s) of page chrome.`));
  for (const w of a.warnings) lines.push(pc.yellow(`Warning: ${clip(w, 300)}`));
  return lines.join('\n');
}
