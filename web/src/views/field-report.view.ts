/**
 * A monitor's field report: who, what, where (click the map), when, how many killed, source,
 * confidence and notes. It becomes a report and an event like any other (POST /api/field-reports).
 */
import * as L from 'leaflet';
import { api } from '../api.js';
import type { FieldReportInput } from '../api-types.js';
import { h, link, replace } from '../dom.js';
import { createMap, DEFAULT_CENTER, DEFAULT_ZOOM } from '../map/basemap.js';
import { zonesLayer } from '../map/layers.js';
import { adminCountries } from '../geo.js';
import { can, invalidateIncidents, parties, session } from '../session.js';
import { encodeRoute } from '../state.js';
import { empty, errorText, pageHeader, toast } from '../ui.js';
import { EVENT_TYPES, SUB_EVENT_TYPES, isEventType } from '../vocab.js';
import type { MountView } from './view.js';
import { field } from './widgets.js';

const options = (values: readonly (string | [string, string])[]) =>
  values.map((v) =>
    Array.isArray(v)
      ? h('option', { attrs: { value: v[0] }, text: v[1] })
      : h('option', { attrs: { value: v }, text: v }),
  );

export const mountFieldReport: MountView = (el, route) => {
  if (!can('admin', 'monitor')) {
    replace(
      el,
      h(
        'div',
        { class: 'page narrow-page' },
        pageHeader('Field report'),
        empty(
          session.me ? 'Only monitors file field reports.' : 'Sign in as a monitor to file a field report.',
          session.me ? null : link(encodeRoute({ page: 'login', next: location.hash }), 'Sign in', { class: 'button' }),
        ),
      ),
    );
    return {};
  }
  const input = (testid: string, attrs: Record<string, string | number | boolean>) => h('input', { testid, attrs });
  const actor1 = input('fr-actor1', { type: 'text', required: true, maxlength: 200 });
  const actor2 = input('fr-actor2', { type: 'text', maxlength: 200 });
  const type = h('select', { testid: 'fr-event-type', attrs: { required: true } }, options(EVENT_TYPES));
  const sub = h('select', { testid: 'fr-sub-event-type', attrs: { required: true } });
  const fillSub = () => replace(sub, options(isEventType(type.value) ? SUB_EVENT_TYPES[type.value] : []));
  type.addEventListener('change', fillSub);
  fillSub();
  const lat = input('fr-latitude', {
    type: 'number',
    required: true,
    min: -90,
    max: 90,
    step: 'any',
    inputmode: 'decimal',
  });
  const lon = input('fr-longitude', {
    type: 'number',
    required: true,
    min: -180,
    max: 180,
    step: 'any',
    inputmode: 'decimal',
  });
  if (route.page === 'report' && route.lat !== null && route.lon !== null) {
    lat.value = String(route.lat);
    lon.value = String(route.lon);
  }
  const place = input('fr-location', { type: 'text', maxlength: 200 });
  const country = input('fr-country', { type: 'text', maxlength: 200 });
  const geo = h(
    'select',
    { testid: 'fr-geo-precision' },
    options([
      ['1', 'The place itself'],
      ['2', 'Near it / part of it'],
      ['3', 'Only the region'],
    ]),
  );
  const date = input('fr-date', { type: 'date', required: true });
  const tp = h(
    'select',
    { testid: 'fr-time-precision' },
    options([
      ['1', 'The day is known'],
      ['2', 'Within a week'],
      ['3', 'Only the month'],
    ]),
  );
  const fatalities = input('fr-fatalities', { type: 'number', min: 0, step: 1, inputmode: 'numeric' });
  const source = input('fr-source', { type: 'text', required: true, maxlength: 200 });
  const confidence = input('fr-confidence', { type: 'number', required: true, min: 0, max: 1, step: 0.05, value: 0.7 });
  const notes = h('textarea', { testid: 'fr-notes', attrs: { rows: 5, maxlength: 4000 } });
  const visibility = h(
    'select',
    { testid: 'fr-visibility' },
    options([
      ['monitors', 'Monitors only'],
      ['public', 'Public'],
      ['restricted', 'Shared with named parties'],
    ]),
  );
  const partyBoxes = parties().map((p) => ({
    id: p.id,
    box: h('input', { attrs: { type: 'checkbox', value: p.id }, testid: `fr-party-${p.id}` }),
    name: p.name,
  }));
  const partyField = h(
    'fieldset',
    { class: 'checks', testid: 'fr-parties' },
    h('legend', { text: 'Shared with' }),
    partyBoxes.map((p) => h('label', { class: 'check' }, p.box, p.name)),
  );
  const syncParties = () => (partyField.hidden = visibility.value !== 'restricted');
  visibility.addEventListener('change', syncParties);
  syncParties();

  const mapEl = h('div', {
    class: 'map small-map',
    testid: 'fr-map',
    attrs: { role: 'region', 'aria-label': 'Click the map to set the place' },
  });
  const error = h('p', { class: 'form-error', testid: 'fr-error', attrs: { role: 'alert' } });
  const result = h('div', { attrs: { 'aria-live': 'polite' } });
  const submit = h('button', {
    class: 'button primary',
    testid: 'fr-submit',
    text: 'File the field report',
    attrs: { type: 'submit' },
  });

  const form = h(
    'form',
    {
      class: 'form field-report',
      testid: 'field-report-form',
      on: {
        submit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          const body: FieldReportInput = {
            who: { actor1: actor1.value.trim(), ...(actor2.value.trim() ? { actor2: actor2.value.trim() } : {}) },
            what: { eventType: type.value, subEventType: sub.value },
            where: {
              latitude: Number(lat.value),
              longitude: Number(lon.value),
              ...(place.value.trim() ? { location: place.value.trim() } : {}),
              ...(country.value.trim() ? { country: country.value.trim() } : {}),
              geoPrecision: Number(geo.value) as 1 | 2 | 3,
            },
            when: { date: date.value, precision: Number(tp.value) as 1 | 2 | 3 },
            ...(fatalities.value !== '' ? { fatalities: Number(fatalities.value) } : {}),
            source: source.value.trim(),
            confidence: Number(confidence.value),
            ...(notes.value.trim() ? { notes: notes.value.trim() } : {}),
            visibility: visibility.value as FieldReportInput['visibility'],
            ...(visibility.value === 'restricted'
              ? { parties: partyBoxes.filter((p) => p.box.checked).map((p) => p.id) }
              : {}),
          };
          submit.disabled = true;
          try {
            const r = await api.fieldReport(body);
            toast('Field report filed.');
            const incidentId = r?.incidentId;
            replace(
              result,
              h(
                'p',
                { class: 'notice', testid: 'fr-done' },
                'Filed. ',
                incidentId
                  ? link(encodeRoute({ page: 'incident', id: String(incidentId) }), 'Open its incident')
                  : 'It will appear on the map once corroborated.',
              ),
            );
            form.reset();
            fillSub();
            invalidateIncidents();
          } catch (err) {
            error.textContent = errorText(err);
          } finally {
            submit.disabled = false;
          }
        },
      },
    },
    h(
      'fieldset',
      null,
      h('legend', { text: 'Who' }),
      field('Actor 1 (who acted)', actor1),
      field('Actor 2 (against whom)', actor2, 'optional'),
    ),
    h('fieldset', null, h('legend', { text: 'What' }), field('Event type', type), field('Sub-event type', sub)),
    h(
      'fieldset',
      null,
      h('legend', { text: 'Where' }),
      h('p', { class: 'hint', text: 'Click the map to set the place, or type the coordinates.' }),
      mapEl,
      h('div', { class: 'row' }, field('Latitude', lat), field('Longitude', lon)),
      h('div', { class: 'row' }, field('Place name', place, 'optional'), field('Country', country, 'optional')),
      field('How precise is the place', geo),
    ),
    h(
      'fieldset',
      null,
      h('legend', { text: 'When' }),
      h('div', { class: 'row' }, field('Date', date), field('How precise is the date', tp)),
    ),
    h(
      'fieldset',
      null,
      h('legend', { text: 'What is known' }),
      h(
        'div',
        { class: 'row' },
        field('Fatalities', fatalities, 'leave empty when unknown'),
        field('Confidence (0–1)', confidence),
      ),
      field('Source', source, 'who saw or reported it'),
      field('Notes', notes, 'optional: what happened, in your words (4,000 characters at most)'),
    ),
    h('fieldset', null, h('legend', { text: 'Who may see it' }), field('Visibility', visibility), partyField),
    error,
    h('div', { class: 'actions' }, submit),
    result,
  );
  replace(
    el,
    h(
      'div',
      { class: 'page narrow-page' },
      pageHeader(
        'Field report',
        h('p', { class: 'lede', text: 'Becomes a report and an event like any other, marked as a field report.' }),
      ),
      form,
    ),
  );

  const { map } = createMap(mapEl, session.config, {}, adminCountries(session.agreement?.zones));
  const start = lat.value && lon.value ? ([Number(lat.value), Number(lon.value)] as L.LatLngTuple) : null;
  map.setView(start ?? DEFAULT_CENTER, start ? 10 : DEFAULT_ZOOM);
  zonesLayer(session.agreement?.zones)?.addTo(map);
  let pin: L.CircleMarker | null = null;
  const setPin = (ll: L.LatLngExpression) => {
    pin ??= L.circleMarker(ll, {
      radius: 8,
      color: '#000',
      weight: 2,
      fillColor: '#ffcc00',
      fillOpacity: 0.9,
      className: 'pin',
    }).addTo(map);
    pin.setLatLng(ll);
  };
  if (start) setPin(start);
  map.on('click', (e: L.LeafletMouseEvent) => {
    lat.value = e.latlng.lat.toFixed(5);
    lon.value = e.latlng.lng.toFixed(5);
    setPin(e.latlng);
  });
  const fromInputs = () => {
    const a = Number(lat.value);
    const b = Number(lon.value);
    if (lat.value !== '' && lon.value !== '' && Math.abs(a) <= 90 && Math.abs(b) <= 180) setPin([a, b]);
  };
  lat.addEventListener('change', fromInputs);
  lon.addEventListener('change', fromInputs);
  return {
    unmount: () => {
      map.remove();
    },
  };
};
