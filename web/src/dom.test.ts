import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeHref } from './dom.js';

describe('links the page may follow', () => {
  const table = [
    { href: '#/incidents/3', want: '#/incidents/3' },
    { href: '/api/incidents?format=csv', want: '/api/incidents?format=csv' },
    { href: 'https://news.example/a?b=1', want: 'https://news.example/a?b=1' },
    { href: ' http://news.example/ ', want: 'http://news.example/' },
    { href: 'javascript:alert(1)', want: null },
    { href: 'JaVaScRiPt:alert(1)', want: null },
    { href: 'data:text/html,<script>alert(1)</script>', want: null },
    { href: '//evil.example/x', want: null },
    { href: 'vbscript:msgbox', want: null },
    { href: 'not a url', want: null },
  ];
  for (const t of table) it(`${JSON.stringify(t.href)} -> ${t.want}`, () => assert.equal(safeHref(t.href), t.want));
});
