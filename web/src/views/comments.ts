/** Threads of comments on an incident: read them, answer one, start one. Text goes in as text nodes. */
import { api } from '../api.js';
import type { Comment } from '../api-types.js';
import { h } from '../dom.js';
import { session } from '../session.js';
import { errorText, toast } from '../ui.js';

export function commentsSection(incidentId: string, comments: readonly Comment[], done: () => void): HTMLElement {
  const roots = comments.filter((c) => !c.parentId);
  const replies = (id: Comment['id']) =>
    comments.filter((c) => c.parentId !== null && c.parentId !== undefined && String(c.parentId) === String(id));
  let parentId: Comment['id'] | null = null;
  const replyNote = h('p', { class: 'small muted' });
  const one = (c: Comment): HTMLElement =>
    h(
      'li',
      { class: 'comment', testid: 'comment' },
      h(
        'p',
        { class: 'muted small' },
        `${c.author ?? 'someone'} · ${c.at.replace('T', ' ').slice(0, 16)}`,
        c.review ? [' ', h('span', { class: 'badge', text: 'review step' })] : null,
      ),
      h('p', { class: 'comment-text', text: c.text }),
      session.me
        ? h('button', {
            class: 'link-button small',
            text: 'Reply',
            attrs: { type: 'button' },
            on: {
              click: () => {
                parentId = c.id;
                replyNote.textContent = `Replying to ${c.author ?? 'a comment'}.`;
                text.focus();
              },
            },
          })
        : null,
      replies(c.id).length > 0 ? h('ul', { class: 'plain replies' }, replies(c.id).map(one)) : null,
    );
  const text = h('textarea', {
    id: 'comment-text',
    testid: 'comment-text',
    attrs: { rows: 3, maxlength: 8000, required: true },
  });
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const form = session.me
    ? h(
        'form',
        {
          class: 'comment-form',
          testid: 'comment-form',
          on: {
            submit: async (e) => {
              e.preventDefault();
              if (!text.value.trim()) return;
              try {
                await api.addComment(incidentId, text.value.trim(), parentId ?? undefined);
                toast('Comment added.');
                done();
              } catch (err) {
                error.textContent = errorText(err);
              }
            },
          },
        },
        h('label', { attrs: { for: 'comment-text' }, text: 'Add a comment' }),
        replyNote,
        text,
        error,
        h('button', {
          class: 'button small',
          testid: 'comment-submit',
          text: 'Post comment',
          attrs: { type: 'submit' },
        }),
      )
    : h('p', { class: 'muted', text: 'Sign in to comment.' });
  return h(
    'div',
    { testid: 'comments' },
    roots.length === 0
      ? h('p', { class: 'muted', text: 'No comments yet.' })
      : h('ul', { class: 'plain comments' }, roots.map(one)),
    form,
  );
}
