/**
 * The clean stage: turns the raw report (plain text or an HTML page) into the body text that
 * every later span points into, with headline, byline, dateline, date and removed chrome.
 */
import type { Stage } from '../stage.js';
import { loadChromeRules, type ChromeRules } from './chrome.js';
import { cleanHtml } from './html-report.js';
import { cleanText } from './text-report.js';

export function createCleanStage(rules: ChromeRules = loadChromeRules()): Stage<'clean'> {
  return {
    adds: 'clean',
    needs: [],
    run: (doc) => (doc.input.mediaType === 'text/html' ? cleanHtml(doc.input, rules) : cleanText(doc.input, rules)),
  };
}
