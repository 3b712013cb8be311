/**
 * Pieces of the incident page: source texts with their evidence marked, events, findings with their
 * review actions, and review history (comments: comments.ts). All report text goes in as text nodes.
 */
import { api } from '../api.js';
import type { Finding, IncidentEvent, IncidentSource, ReviewStep } from '../api-types.js';
import { formatDay } from '../dates.js';
import { externalLink, h, replace } from '../dom.js';
import { locate, splitHighlights, type Span } from '../highlight.js';
import { allowedMoves, MOVE_LABELS } from '../review-rules.js';
import { partyName, session } from '../session.js';
import { empty, errorState, errorText, facts, loading, reviewBadge, statusBadge, toast } from '../ui.js';
import { humanize, REVIEW_LABELS, type ReviewState } from '../vocab.js';

/** The text with <mark> around the evidence; the marks are elements, the text stays text. */
export function highlighted(text: string, spans: readonly Span[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const p of splitHighlights(text, spans)) {
    if (!p.marked) frag.append(document.createTextNode(p.text));
    else {
      const m = document.createElement('mark');
      m.dataset.testid = 'evidence-mark';
      m.textContent = p.text;
      frag.append(m);
    }
  }
  return frag;
}

function spansFor(source: IncidentSource, text: string, events: readonly IncidentEvent[]): Span[] {
  const given = (source.evidence ?? []).filter((e) => typeof e.start === 'number' && typeof e.end === 'number');
  // Offsets are trusted only when they slice out the sentence the server says they do.
  const exact = given.filter((e) => !e.text || text.slice(e.start, e.end) === e.text);
  if (exact.length > 0) return exact;
  const sentences = [
    ...given.map((e) => e.text ?? ''),
    ...events.filter((e) => e.reportId === source.reportId).map((e) => e.evidence ?? ''),
  ];
  return sentences.map((s) => locate(text, s)).filter((s): s is Span => s !== null);
}

export function sourceCard(source: IncidentSource, events: readonly IncidentEvent[]): HTMLElement {
  const textBox = h('div', {
    class: 'source-text',
    testid: 'source-text',
    attrs: { tabindex: 0, 'aria-label': 'Report text' },
  });
  const fill = (text: string) => {
    const spans = spansFor(source, text, events);
    replace(textBox, highlighted(text, spans));
    if (spans.length === 0)
      textBox.before(h('p', { class: 'muted small', text: 'The evidence sentence could not be found in this text.' }));
    requestAnimationFrame(() => {
      const first = textBox.querySelector('mark');
      if (first instanceof HTMLElement) textBox.scrollTop = Math.max(0, first.offsetTop - textBox.offsetTop - 24);
    });
  };
  if (typeof source.body === 'string') fill(source.body);
  else if (typeof source.reportId === 'number') {
    textBox.textContent = 'Loading the report…';
    api
      .reportText(source.reportId)
      .then((r) => fill(r.body))
      .catch((e) => replace(textBox, errorState(e, 'report text')));
  } else {
    const ev = (source.evidence ?? [])
      .map((e) => e.text)
      .filter(Boolean)
      .join(' … ');
    textBox.textContent = ev || 'No text for this source (imported record).';
  }
  return h(
    'article',
    { class: 'card source', testid: 'source' },
    h(
      'header',
      { class: 'row-head' },
      h('strong', { text: source.source || source.origin || 'Unnamed source' }),
      source.published ? h('span', { class: 'muted', text: formatDay(source.published.slice(0, 10)) }) : null,
    ),
    source.headline ? h('p', { class: 'headline', text: source.headline }) : null,
    h(
      'p',
      { class: 'small muted' },
      source.copyOf ? `A copy of ${source.copyOf}: not an independent source.` : 'Independent source.',
      source.origin ? ` (${source.origin})` : '',
    ),
    source.claims && source.claims.length > 0
      ? h(
          'ul',
          { class: 'claims small' },
          source.claims.map((c) =>
            h(
              'li',
              null,
              c.modality ? h('span', { class: `badge modality modality-${c.modality}`, text: c.modality }) : null,
              ' ',
              [
                c.subEventType || c.eventType,
                c.location ? `in ${c.location}` : '',
                c.date ? `on ${formatDay(c.date)}` : '',
              ]
                .filter(Boolean)
                .join(' '),
              [c.actor1, c.actor2].some(Boolean) ? `; ${[c.actor1, c.actor2].filter(Boolean).join(' vs ')}` : '',
              c.fatalities !== null ? `; ${c.fatalities} killed` : '',
            ),
          ),
        )
      : null,
    source.url ? h('p', { class: 'small' }, externalLink(source.url, source.url)) : null,
    textBox,
  );
}

export function eventsTable(events: readonly IncidentEvent[]): HTMLElement {
  if (events.length === 0) return empty('No event of this incident is visible to you.');
  return h(
    'ul',
    { class: 'plain events', testid: 'events' },
    events.map((e) =>
      h(
        'li',
        { class: 'card event', testid: 'event' },
        h('strong', { text: [e.event_type, e.sub_event_type].filter(Boolean).join(' / ') || 'Event' }),
        facts([
          ['Actors', [e.actor1, e.actor2].filter(Boolean).join(' vs ')],
          ['Place', e.location ?? ''],
          ['Date', e.event_date ? formatDay(e.event_date) : ''],
          ['Fatalities', e.fatalities === null || e.fatalities === undefined ? '' : String(e.fatalities)],
          ['Modality', e.modality ?? ''],
          ['Confidence', typeof e.confidence === 'number' ? e.confidence.toFixed(2) : ''],
          ['Source', e.source ?? ''],
        ]),
        e.evidence ? h('blockquote', { class: 'evidence', text: e.evidence }) : null,
      ),
    ),
  );
}

/** Buttons for the moves this viewer may make; a click opens a comment box, a comment is required. */
export function reviewActions(
  kind: 'incident' | 'finding',
  id: string,
  state: string | null | undefined,
  party: string | null | undefined,
  done: () => void,
  status?: string,
): HTMLElement | null {
  const moves = allowedMoves(session.me, { kind, state, party, status });
  if (moves.length === 0) return null;
  const box = h('div', { class: 'review-actions', testid: `${kind}-review` });
  const buttons = moves.map((to) =>
    h('button', {
      class: `button small move-${to}`,
      testid: `${kind}-review-${to}`,
      text: MOVE_LABELS[to],
      attrs: { type: 'button' },
      on: { click: () => open(to) },
    }),
  );
  const formSlot = h('div');
  const open = (to: ReviewState) => {
    const comment = h('textarea', {
      testid: 'review-comment',
      attrs: { required: true, rows: 3, maxlength: 4000, 'aria-label': `Comment for "${REVIEW_LABELS[to]}"` },
    });
    const evidenceUrl = h('input', {
      testid: 'dispute-evidence-url',
      attrs: { type: 'url', placeholder: 'https://…', 'aria-label': 'Evidence link (optional)' },
    });
    const evidenceText = h('textarea', {
      testid: 'dispute-evidence-text',
      attrs: { rows: 2, maxlength: 4000, 'aria-label': 'Evidence (optional)' },
    });
    const isLiaison = session.me?.role === 'liaison';
    const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    const submit = h('button', {
      class: 'button primary small',
      testid: 'review-submit',
      text: `${MOVE_LABELS[to]} with this comment`,
      attrs: { type: 'submit' },
    });
    const form = h(
      'form',
      {
        class: 'review-form',
        testid: 'review-form',
        on: {
          submit: async (e) => {
            e.preventDefault();
            if (!comment.value.trim()) {
              error.textContent = 'Each review step needs a comment.';
              comment.focus();
              return;
            }
            submit.disabled = true;
            try {
              const evidence =
                isLiaison && (evidenceUrl.value || evidenceText.value)
                  ? {
                      ...(evidenceUrl.value ? { url: evidenceUrl.value } : {}),
                      ...(evidenceText.value ? { text: evidenceText.value } : {}),
                    }
                  : undefined;
              if (kind === 'incident') await api.reviewIncident(id, to, comment.value.trim());
              else await api.reviewFinding(id, to, comment.value.trim(), evidence);
              toast(`${kind === 'incident' ? 'Incident' : 'Finding'} is now ${REVIEW_LABELS[to].toLowerCase()}.`);
              done();
            } catch (err) {
              error.textContent = errorText(err);
              submit.disabled = false;
            }
          },
        },
      },
      h('label', { class: 'small', text: `Comment (required) for “${MOVE_LABELS[to]}”` }),
      comment,
      isLiaison
        ? [
            h('label', { class: 'small', text: 'Your evidence: a link and/or text (optional)' }),
            evidenceUrl,
            evidenceText,
          ]
        : null,
      error,
      h(
        'div',
        { class: 'actions' },
        submit,
        h('button', {
          class: 'link-button',
          text: 'Cancel',
          attrs: { type: 'button' },
          on: { click: () => replace(formSlot) },
        }),
      ),
    );
    replace(formSlot, form);
    comment.focus();
  };
  box.append(h('div', { class: 'buttons' }, buttons), formSlot);
  return box;
}

/** The machine's explanation: its first clause, and the whole of it one click away. */
export function explanationBlock(text: string): HTMLElement {
  if (!text) return h('p', { class: 'muted', text: 'No explanation given.' });
  const short = text.length > 220 ? `${text.slice(0, 200).replace(/\s+\S*$/, '')} …` : null;
  if (!short) return h('p', { class: 'explanation', testid: 'finding-explanation', text });
  return h(
    'details',
    { class: 'explanation', testid: 'finding-explanation' },
    h(
      'summary',
      null,
      h('span', { class: 'explanation-short', text: short }),
      h('span', { class: 'more', text: ' Full explanation' }),
    ),
    h('p', { class: 'explanation-full', text }),
  );
}

export function findingCard(f: Finding, done: () => void): HTMLElement {
  return h(
    'article',
    { class: `card finding finding-${f.status}`, testid: 'finding', attrs: { 'data-finding-id': f.id } },
    h(
      'header',
      { class: 'finding-head' },
      h('div', { class: 'row-head' }, statusBadge(f.status), h('strong', { text: f.termTitle || humanize(f.term) })),
      h(
        'p',
        { class: 'row-head small' },
        h('span', { class: 'muted', text: `Party: ${partyName(f.party)}` }),
        h('span', { class: 'muted', text: 'Review:' }),
        reviewBadge(f.reviewState),
      ),
    ),
    f.reasons && f.reasons.length > 0
      ? [
          h('p', { class: 'small muted', text: 'Why it is not certain:' }),
          h(
            'ul',
            { class: 'reasons' },
            f.reasons.map((r) => h('li', { text: r })),
          ),
        ]
      : null,
    explanationBlock(f.explanation),
    typeof f.confidence === 'number'
      ? h('p', { class: 'muted small', text: `Confidence ${f.confidence.toFixed(2)}` })
      : null,
    session.me && f.reviewState && f.reviewState !== 'machine' ? findingHistory(f.id) : null,
    reviewActions('finding', f.id, f.reviewState, f.party, done, f.status),
  );
}

/** A finding's review steps (with a party's dispute evidence), fetched when opened. */
function findingHistory(id: string): HTMLElement {
  const body = h('div', null, loading('the review history'));
  let asked = false;
  const box = h(
    'details',
    {
      class: 'finding-history',
      testid: 'finding-history',
      on: {
        toggle: () => {
          if (asked || !box.open) return;
          asked = true;
          api
            .reviewHistory('findings', id)
            .then((r) => replace(body, historyList(r.items)))
            .catch((e) => replace(body, errorState(e, 'review history')));
        },
      },
    },
    h('summary', { text: 'Review history' }),
    body,
  );
  return box;
}

export function historyList(steps: readonly ReviewStep[]): HTMLElement {
  if (steps.length === 0)
    return h('p', { class: 'muted', testid: 'review-history', text: 'No review yet: as the machine found it.' });
  return h(
    'ol',
    { class: 'history', testid: 'review-history' },
    steps.map((s) =>
      h(
        'li',
        null,
        h('span', { class: 'muted', text: `${s.at.replace('T', ' ').slice(0, 16)} · ${s.by ?? 'someone'}: ` }),
        s.from ? [reviewBadge(s.from), ' → '] : null,
        reviewBadge(s.to),
        s.comment ? h('p', { class: 'comment-text', text: s.comment }) : null,
        s.evidence && (s.evidence.url || s.evidence.text)
          ? h(
              'div',
              { class: 'dispute-evidence', testid: 'dispute-evidence' },
              h('strong', { text: 'Evidence: ' }),
              s.evidence.url ? externalLink(s.evidence.url, s.evidence.url) : null,
              s.evidence.text ? h('p', { class: 'comment-text', text: s.evidence.text }) : null,
            )
          : null,
      ),
    ),
  );
}
