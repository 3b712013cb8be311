import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entity, km, marked, placesOf } from './test-helpers.js';

// [sentence with the place in brackets, name, country, geoPrecision, lat, lng] — coordinates within 5 km.
const TABLE: [string, string, string | null, 1 | 2 | 3, number, number, { todo?: string }?][] = [
  ['Government jets bombed [Aleppo] on Tuesday, a monitor said.', 'Aleppo', 'SY', 1, 36.2, 37.16],
  ['Residents of [Halab] said the bakeries had closed.', 'Aleppo', 'SY', 1, 36.2, 37.16],
  ['Turkish-backed rebels took [al-Rai] from Islamic State.', 'al-Rai', 'SY', 1, 36.61, 37.45],
  ["Fighters regrouped in [Ar Ra'i] after the assault.", 'al-Rai', 'SY', 1, 36.61, 37.45],
  ['The offensive began near [Al Rai] at dawn.', 'al-Rai', 'SY', 2, 36.61, 37.45],
  ['Islamic State shelled the airport of [Deir al-Zor] in eastern Syria.', 'Deir ez-Zor', 'SY', 1, 35.34, 40.14],
  ['Clashes broke out on the outskirts of [Hama] in central Syria.', 'Hama', 'SY', 2, 35.13, 36.76],
  ['Rebels shelled districts north of [Homs] in Syria.', 'Homs', 'SY', 2, 34.73, 36.71],
  ['Aid trucks crossed at [Bab al-Hawa] into Syria.', 'Bab al-Hawa', 'SY', 2, 36.23, 36.67],
  ['Troops withdrew from the [Castello Road] under the deal.', 'Castello Road', 'SY', 2, 36.245, 37.155],
  ['Strikes hit [eastern Aleppo] overnight, Syrian activists said.', 'eastern Aleppo', 'SY', 2, 36.205, 37.18],
  ['The Iraqi army advanced on [Mosul] from the south.', 'Mosul', 'IQ', 1, 36.34, 43.12],
  ['Houthi fighters shelled [Taiz] in Yemen on Sunday.', 'Taiz', 'YE', 1, 13.58, 44.02],
  ['Separatists shelled [Mariupol] in eastern Ukraine.', 'Mariupol', 'UA', 1, 47.1, 37.54],
  ['Fighting in [Helmand] province displaced thousands in Afghanistan.', 'Helmand', 'AF', 3, 31.59, 64.37],
  ['Government troops advanced in [Idlib] province last week.', 'Idlib', 'SY', 3, 35.93, 36.63],
  ['Leaders met in the Chinese city of [Hangzhou] for the summit.', 'Hangzhou', 'CN', 1, 30.29, 120.16],
  ['The talks in [Geneva] stalled again.', 'Geneva', 'CH', 1, 46.2, 6.15],
  ['The envoy flew to [Vienna] after meeting U.S. officials.', 'Vienna', 'AT', 1, 48.21, 16.37],
  ['A convoy reached [Madaya] in the hills near Damascus.', 'Madaya', 'SY', 1, 33.69, 36.1],
  ['Kurdish forces entered [Kobane] in Syria.', 'Kobani', 'SY', 1, 36.89, 38.35],
  ['Refugees crossed into [Turkey] from northern Syria.', 'Turkey', 'TR', 3, 39, 35],
  ['Officials in the [U.S.] said the deal was close.', 'United States', 'US', 3, 38, -97],
  ['A refugee crisis spread across the [Middle East] and beyond.', 'Middle East', null, 3, 29, 41],
  ["Shells fell on [Homs]'s northern suburbs, Syrian media said.", 'Homs', 'SY', 2, 34.73, 36.71],
  // GeoNames spells it "Arīsh"; the reported name drops the macron, as ACLED does.
  ["Militants attacked a checkpoint in [Arish] in Egypt's Sinai.", 'Arish', 'EG', 1, 31.13, 33.8],
  ['Rebels shelled the government-held district of [al-Hamdaniyah] in Syria.', 'Hamdaniya', 'SY', 2, 36.18, 37.12],
  ['Jets struck the [Sukkari] neighbourhood of Aleppo at dawn.', 'Sukkari', 'SY', 2, 36.17, 37.15],
  // Afghan provinces in their usual English spelling (GeoNames: Ghowr, Maidan Wardak, Oruzgan), no country named.
  ['Gunmen shot a guard in Shar village of [Ghor] province on Monday.', 'Ghor', 'AF', 3, 34.52, 65.25],
  ['A roadside bomb hit a truck in Sangar district, [Urozgan], on Friday.', 'Uruzgan', 'AF', 3, 32.63, 65.88],
  ['Two guards were wounded in an attack in Tangi district, [Wardak].', 'Wardak', 'AF', 3, 34.4, 68.87],
  // "in X, Y": Y holds X, though no cue stands right before it; a sentence's "In" is no part of a name.
  ['A bomb went off near a well in Tarkan, [Mastung], on Sunday.', 'Mastung', 'PK', 1, 29.8, 66.85],
  ['In [Mirpurkhas], Sindh, traders closed their shops.', 'Mirpur Khas', 'PK', 1, 25.53, 69.01],
  // "X district" of a small town of the report's country that GeoNames marks no seat: the district it heads.
  ['Two soldiers died in firing in Nowgam in [Kupwara] district, India said.', 'Kupwara', 'IN', 2, 34.03, 74.26],
  // A misspelling the news often uses, in the alias file.
  ['Primary teachers protested in [Dehadrun] against their pay.', 'Dehradun', 'IN', 1, 30.32, 78.03],
];

describe('places: mention in a sentence -> name, country, precision, coordinates', () => {
  for (const [example, name, country, precision, lat, lng, opts] of TABLE) {
    it(example, { todo: opts?.todo }, () => {
      const { body, start, end } = marked(example);
      const found = placesOf(body).places.find((p) => p.start === start && p.end === end);
      assert.ok(found, `no place at [${start}, ${end}) in ${JSON.stringify(placesOf(body).places.map((p) => p.text))}`);
      assert.equal(found.name, name);
      assert.equal(found.country, country);
      assert.equal(found.geoPrecision, precision);
      assert.ok(found.latitude !== null && found.longitude !== null);
      assert.ok(
        km(found.latitude, found.longitude, lat, lng) < 5,
        `${found.latitude},${found.longitude} is not near ${lat},${lng}`,
      );
    });
  }
});

// Capitalised words that are tiny GeoNames places somewhere but not places here.
const NOT_PLACES: [string, string][] = [
  ['May said she would meet the French president in Paris.', 'May'],
  ['Deal or no deal, the fighting in Syria went on.', 'Deal'],
  ['Mercy Corps trucks waited at the Syrian border.', 'Mercy'],
  ['"We are not there yet," Kerry told reporters in Syria.', 'Kerry'],
  ['The report was written by Aaron Stein in Washington.', 'Stein'],
  ['Officials in Baghdad met Supreme Leader Ali Khamenei in Iran.', 'Supreme'],
  ['The Syria An aid convoy.', 'Syria An'],
  ['Nusra Front fighters fought in Aleppo on Monday.', 'Monday'],
];

describe('places: no false places', () => {
  for (const [body, word] of NOT_PLACES) {
    it(`${word} in: ${body}`, () => {
      const texts = placesOf(body).places.map((p) => p.text);
      assert.ok(!texts.includes(word), `found ${word} in ${JSON.stringify(texts)}`);
    });
  }
  it('skips spans the entities layer gives to people and organisations', () => {
    const body = 'Theresa May met fighters of the Free Syrian Army and Jabhat Fatah al-Sham near Aleppo.';
    const entities = [
      entity(body, 'Theresa May', 'person'),
      entity(body, 'Free Syrian Army', 'group'),
      entity(body, 'Jabhat Fatah al-Sham', 'group'),
    ];
    assert.deepEqual(
      placesOf(body, entities).places.map((p) => p.text),
      ['Aleppo'],
    );
  });
  it('keeps a capital the entities layer tags as a government', () => {
    const body = 'Moscow has backed the offensive in Syria.';
    const places = placesOf(body, [entity(body, 'Moscow', 'organization')]).places;
    assert.equal(places[0]?.name, 'Moscow');
    assert.equal(places[0]?.metonymFor, 'Government of Russia');
  });
});

describe('places: ambiguity ranked by the country context', () => {
  it('Tripoli in a Libya story is the Libyan capital', () => {
    const layer = placesOf('Militias loyal to the unity government in Libya clashed in Tripoli on Friday.');
    const tripoli = layer.places.find((p) => p.text === 'Tripoli');
    assert.equal(tripoli?.country, 'LY');
    assert.equal(layer.countryContext[0], 'LY');
  });
  it('Tripoli in a Lebanon story is the northern Lebanese port', () => {
    const layer = placesOf("Gunmen clashed in Tripoli, Lebanon's second city, as the Lebanese army deployed.");
    const tripoli = layer.places.find((p) => p.text === 'Tripoli');
    assert.equal(tripoli?.country, 'LB');
    assert.ok(tripoli && km(tripoli.latitude!, tripoli.longitude!, 34.43, 35.84) < 5);
  });
  it('countryContext ranks the countries the report is about', () => {
    const layer = placesOf(
      'Syrian troops shelled Aleppo. Russia backed them. Syria said the truce held. Rebels fled Homs.',
    );
    assert.equal(layer.countryContext[0], 'SY');
    assert.ok(layer.countryContext.includes('RU'));
  });
  // An entity of one country (here given by its actor's country) tells the report's country.
  const forceOf = (body: string, text: string, country: string) => ({
    ...entity(body, text, 'organization'),
    actor: { name: `Police Forces of ${country}`, side: null, country, generic: false },
  });
  it('a force of one country decides a town that several countries share', () => {
    const body = 'The district police opened fire on rioters in Magura on Sunday.';
    assert.equal(
      placesOf(body).places.find((p) => p.text === 'Magura'),
      undefined,
      'with no country, a name three district seats share is left unplaced',
    );
    const magura = placesOf(body, [forceOf(body, 'district police', 'BD')]).places.find((p) => p.text === 'Magura');
    assert.equal(magura?.country, 'BD', 'the force of Bangladesh places Magura there');
  });
  it('a province that opens an organisation name tells its country', () => {
    const body = 'Members of the Sindh Teachers Union rallied outside the Hyderabad Press Club.';
    const layer = placesOf(body, [entity(body, 'Sindh Teachers Union', 'organization')]);
    assert.equal(layer.places.find((p) => p.text === 'Hyderabad')?.country, 'PK', 'Hyderabad of Sindh, not of India');
  });
  it('a town abroad that opens an institution name is not taken', () => {
    const body = 'Students rallied on the Panjab University campus in Chandigarh on Monday.';
    const layer = placesOf(body, [forceOf(body, 'Students', 'IN')]);
    assert.deepEqual(
      layer.places.map((p) => `${p.text}/${p.country}`),
      ['Chandigarh/IN'],
      'the Afghan district seat Panjab is no place of an Indian report',
    );
  });
});

describe('places: capitals acting as governments', () => {
  const cases: [string, string, string | null][] = [
    ['Moscow has backed Assad in the war.', 'Moscow', 'Government of Russia'],
    ['Ankara fears that the militia will grow.', 'Ankara', 'Government of Turkey'],
    ["A letter from Washington's Syria envoy set out the terms.", 'Washington', 'Government of United States'],
    ["The deal required the withdrawal of Damascus's forces from the road.", 'Damascus', 'Government of Syria'],
    ['Kyiv accused the rebels of breaking the truce.', 'Kyiv', 'Government of Ukraine'],
    ['Tehran will not accept the plan.', 'Tehran', 'Government of Iran'],
    ['The minister traveled to Moscow in July.', 'Moscow', null],
    ['Talks in Riyadh will resume next week.', 'Riyadh', null],
    ['Damascus has been hit by mortar fire.', 'Damascus', null],
  ];
  for (const [body, text, government] of cases) {
    it(body, () => {
      const place = placesOf(body).places.find((p) => p.text === text);
      assert.ok(place, `${text} not found`);
      assert.equal(place.metonymFor, government);
    });
  }
});

// [dateline place, sentence with the place in brackets, name, country, precision, lat, lng]
const DATELINED: [string, string, string, string, 1 | 2 | 3, number, number][] = [
  // Our alias beats Iraq's Al-Hamdaniya: a place abroad needs its country in the report.
  [
    'ALEPPO, Syria',
    'Rebels shelled the government-held district of [Hamdaniya] on Sunday.',
    'Hamdaniya',
    'SY',
    2,
    36.18,
    37.12,
  ],
  // A district nobody lists is placed in the dateline's town, at the town's coordinates.
  [
    'MOSUL, Iraq',
    'Mortars hit the eastern district of [Zahraa Qadima] overnight.',
    'Zahraa Qadima',
    'IQ',
    2,
    36.34,
    43.12,
  ],
  ['DAMASCUS, Syria', 'Shells fell on the [Tadamon] district, residents said.', 'Tadamon', 'SY', 2, 33.51, 36.29],
];

describe('places: districts in a datelined story', () => {
  for (const [place, example, name, country, precision, lat, lng] of DATELINED) {
    it(`${place} - ${example}`, () => {
      const { body, start, end } = marked(example);
      const found = placesOf(body, [], { place }).places.find((p) => p.start === start && p.end === end);
      assert.ok(found, `no place at [${start}, ${end})`);
      assert.equal(found.name, name);
      assert.equal(found.country, country);
      assert.equal(found.geoPrecision, precision);
      assert.ok(km(found.latitude!, found.longitude!, lat, lng) < 5);
    });
  }

  it(
    'the first of two coordinated districts ("the X and Y districts")',
    {
      todo: 'the district-suffix rule sees only the last name before "districts"',
    },
    () => {
      const body = 'Shells fell on the Qaboun and Jobar districts, residents said.';
      // A message of our own: without one, node's assert re-reads and parses this file to describe the
      // failure, which under tsx took over two minutes.
      const names = placesOf(body, [], { place: 'DAMASCUS, Syria' }).places.map((p) => p.text);
      assert.ok(names.includes('Qaboun'), names.join(', '));
    },
  );

  it('"the X area of Y district, Z": X is a village there, not a same-named town elsewhere (a capital abroad included)', () => {
    for (const body of [
      'Militants attacked a post in the Ashkhabad area of Maywand district, Kandahar.',
      "A bomb hit a truck in the 'Qalat' area of Kushki Kuhna district, Herat.",
    ]) {
      const names = placesOf(body).places.map((p) => p.text);
      assert.ok(!names.includes('Ashkhabad') && !names.includes('Qalat'), names.join(', '));
    }
    // A town inside the province its sentence names stays.
    assert.ok(placesOf('Fighting raged in the Sangin area of Helmand.').places.some((p) => p.text === 'Sangin'));
  });

  it('a small town abroad is not taken when the report is about another country', () => {
    const body = 'Syrian jets struck the town of Bartella overnight, activists in Syria said.';
    assert.deepEqual(
      placesOf(body).places.map((p) => p.country),
      ['SY'],
    );
  });
});
