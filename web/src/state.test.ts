import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeRoute, DEFAULT_FILTERS, encodeRoute, isFiltered, linkPathToHash, type Route } from './state.js';

describe('URL state', () => {
  const cases: { name: string; route: Route; hash: string }[] = [
    { name: 'the map with no filters', route: { page: 'map', filters: DEFAULT_FILTERS, view: null }, hash: '#/' },
    {
      name: 'the map with every filter and a view',
      route: {
        page: 'map',
        filters: {
          area: 'all',
          span: 'all',
          win: '7d',
          to: '2016-09-19',
          parties: ['opposition', 'russia'],
          types: ['Battles', 'Explosions/Remote violence'],
          grades: ['corroborated'],
          reviews: ['confirmed', 'disputed'],
        },
        view: { lat: 36.2, lon: 37.15, zoom: 9 },
      },
      hash: '#/?area=all&span=all&win=7d&to=2016-09-19&party=opposition&party=russia&type=Battles&type=Explosions%2FRemote+violence&grade=corroborated&review=confirmed&review=disputed&lat=36.2000&lon=37.1500&z=9',
    },
    {
      name: 'the timeline for one party',
      route: { page: 'timeline', filters: { ...DEFAULT_FILTERS, parties: ['syrian-government'] } },
      hash: '#/timeline?party=syrian-government',
    },
    { name: 'the compliance board', route: { page: 'compliance', filters: DEFAULT_FILTERS }, hash: '#/compliance' },
    { name: 'an incident', route: { page: 'incident', id: 'incident:12' }, hash: '#/incidents/incident%3A12' },
    { name: 'asking for a password reset', route: { page: 'reset', token: null }, hash: '#/reset' },
    {
      name: 'a reset link',
      route: { page: 'reset', token: `rst_${'a'.repeat(43)}` },
      hash: `#/reset/rst_${'a'.repeat(43)}`,
    },
    {
      name: 'login with a way back',
      route: { page: 'login', next: '#/incidents/7' },
      hash: '#/login?next=%23%2Fincidents%2F7',
    },
    {
      name: 'the field report form at a point',
      route: { page: 'report', lat: 36.2, lon: 37.1 },
      hash: '#/report?lat=36.20000&lon=37.10000',
    },
    { name: 'the watchlist', route: { page: 'watchlist' }, hash: '#/watchlist' },
    { name: 'the API tokens', route: { page: 'tokens' }, hash: '#/tokens' },
  ];
  for (const c of cases) {
    it(`encodes and decodes ${c.name}`, () => {
      assert.equal(encodeRoute(c.route), c.hash);
      assert.deepEqual(decodeRoute(c.hash), c.route);
    });
  }

  it('sorts lists and drops duplicates, so one view has one address', () => {
    const r = decodeRoute('#/?party=russia&party=opposition&party=russia');
    assert.equal(r.page, 'map');
    assert.equal(encodeRoute(r), '#/?party=opposition&party=russia');
  });

  it('drops what it does not know instead of trusting the URL', () => {
    const r = decodeRoute(
      '#/timeline?win=forever&to=2016-02-30&party=%3Cscript%3E&type=Picnic&grade=sure&review=approved&party=russia',
    );
    assert.deepEqual(r, { page: 'timeline', filters: { ...DEFAULT_FILTERS, parties: ['russia'] } });
  });

  it('refuses incident ids that are not ids, and unknown pages', () => {
    assert.deepEqual(decodeRoute('#/incidents/%3Cimg%20src%3Dx%3E'), {
      page: 'not-found',
      path: '/incidents/%3Cimg%20src%3Dx%3E',
    });
    assert.equal(decodeRoute('#/incidents/%E0%A4%A').page, 'not-found');
    assert.equal(decodeRoute('#/admin/secrets').page, 'not-found');
  });

  it('keeps only an in-app "next" after login', () => {
    for (const next of ['https://evil.example', 'javascript:alert(1)', '#/login?next=x', '//evil.example'])
      assert.deepEqual(decodeRoute(`#/login?next=${encodeURIComponent(next)}`), { page: 'login', next: null });
  });

  it('ignores a half or out-of-range map view', () => {
    assert.deepEqual(decodeRoute('#/?lat=95&lon=37&z=7'), { page: 'map', filters: DEFAULT_FILTERS, view: null });
    assert.deepEqual(decodeRoute('#/?lat=36&z=7'), { page: 'map', filters: DEFAULT_FILTERS, view: null });
    assert.deepEqual(decodeRoute(''), { page: 'map', filters: DEFAULT_FILTERS, view: null });
  });

  it('knows when a view is filtered', () => {
    assert.equal(isFiltered(DEFAULT_FILTERS), false);
    assert.equal(isFiltered({ ...DEFAULT_FILTERS, win: '1d' }), true);
    assert.equal(isFiltered({ ...DEFAULT_FILTERS, grades: ['contested'] }), true);
  });

  it('turns the emailed reset and invitation paths into the page that uses them, and nothing else', () => {
    const rst = `rst_${'B'.repeat(42)}-`;
    const inv = `inv_${'c'.repeat(42)}_`;
    assert.equal(linkPathToHash(`/reset/${rst}`), `#/reset/${rst}`);
    assert.equal(linkPathToHash(`/invitations/${inv}`), `#/reset/${inv}`);
    assert.equal(linkPathToHash('/'), null);
    assert.equal(linkPathToHash('/reset/not-a-token'), null);
    assert.equal(linkPathToHash(`/reset/${rst}/more`), null);
    assert.deepEqual(decodeRoute('#/reset/rst_short'), { page: 'not-found', path: '/reset/rst_short' });
    // Signing in never sends you back to a used link.
    assert.deepEqual(decodeRoute(`#/login?next=${encodeURIComponent(`#/reset/${rst}`)}`), {
      page: 'login',
      next: null,
    });
  });

  it('the window moves in the agreement period unless widened to the whole record', () => {
    assert.equal(
      decodeRoute('#/').page === 'map' && (decodeRoute('#/') as { filters: { span: string } }).filters.span,
      'agreement',
    );
    const wide = decodeRoute('#/timeline?span=all');
    assert.equal(wide.page === 'timeline' && wide.filters.span, 'all');
    assert.equal(isFiltered({ ...DEFAULT_FILTERS, span: 'all' }), true);
  });
});
