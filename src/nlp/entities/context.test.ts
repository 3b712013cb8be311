/** Round-2 behaviour: report country, facilities, rebels' country, companies, credit lines, plural demonyms. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Entity } from '../../core/document.js';
import { plainCleanLayer } from '../clean/plain-layer.js';
import { readSentences } from '../sentences/sentences.stage.js';
import { createEntitiesStage } from './entities.stage.js';

const stage = createEntitiesStage();

function entitiesOf(body: string): readonly Entity[] {
  const clean = plainCleanLayer(body);
  const doc: Doc = { input: { raw: body, mediaType: 'text/plain' }, clean, sentences: readSentences(body) };
  return stage.run(doc).entities;
}

function find(body: string, mention: string): Entity | undefined {
  return entitiesOf(body).find((e) => e.text === mention);
}

describe('entities: the report country comes from the report, never a default', () => {
  const indonesia =
    'Indonesian police hunted the attackers across Jakarta. Indonesia raised its alert level. ' +
    'The president of Indonesia visited the scene. One suspect had fought in Syria.';
  it('"security forces" in a story about Indonesia are Indonesia\'s', () => {
    const e = find(`${indonesia} Security forces surrounded a house.`, 'Security forces');
    assert.equal(e?.actor?.name, 'Military Forces of Indonesia');
  });
  it("militants in that story are Indonesia's too, not Syria's", () => {
    assert.equal(find(`${indonesia} Militants threw grenades.`, 'Militants')?.actor?.country, 'ID');
  });
  it('two countries named equally: the generic stays without a country', () => {
    const e = find('Talks in France and Germany went on. Security forces closed the road.', 'Security forces');
    assert.equal(e?.actor?.country, null);
    assert.equal(e?.actor?.generic, true);
  });
  it('a passing mention is not a clear country when others are named', () => {
    const e = find('Officials from Norway and Chile met. The army was on alert.', 'The army');
    assert.equal(e?.actor?.country, null);
  });
});

describe('entities: facilities and institutions are not armed actors', () => {
  const rows: Array<[string, string]> = [
    ['Shells hit the Air Force Technical College in Aleppo, Syria.', 'Air Force'],
    ['Rebels stormed the Syrian Air Force Academy near Aleppo.', 'Air Force'],
    ['Soldiers guarded the Army Public School in Peshawar.', 'Army'],
    ['A rocket landed inside the Kandahar Air Base overnight.', 'Air'],
    ['Patients fled the Army Hospital in the capital.', 'Army'],
  ];
  for (const [sentence, inside] of rows) {
    it(sentence, () => {
      const es = entitiesOf(sentence);
      assert.ok(!es.some((e) => e.text.includes(inside)), JSON.stringify(es.map((e) => e.text)));
    });
  }
  it('a name that only passes through a facility word keeps its reading', () => {
    const es = entitiesOf('The Wall Street Journal said the talks stalled.');
    assert.equal(es.find((e) => e.canonical === 'Wall Street Journal')?.type, 'organization');
  });
});

describe('entities: rebels fight where the war is, not in the sponsor country', () => {
  const turkeyHeavy =
    'Turkey said Turkish artillery hit targets. Turkish officials met in Ankara. Turkey also closed the border. ' +
    'Fighting raged near Aleppo and Azaz in Syria. Syrian families fled.';
  it('Turkish-backed rebels in a Syria story -> Turkish-backed Opposition Rebels (Syria)', () => {
    const e = find(`${turkeyHeavy} Turkish-backed rebels took a village.`, 'Turkish-backed rebels');
    assert.equal(e?.actor?.name, 'Turkish-backed Opposition Rebels (Syria)');
  });
  it('plain rebels in a story told from Turkey are Syrian rebels', () => {
    assert.equal(find(`${turkeyHeavy} Rebels shelled the road.`, 'Rebels')?.actor?.name, 'Opposition Rebels (Syria)');
  });
  it('with no war country named, a sponsored group gets no country (never the sponsor)', () => {
    const e = find('Turkey said on Monday that Turkish-backed rebels were ready.', 'Turkish-backed rebels');
    assert.equal(e?.actor?.country, null);
    assert.ok(!e?.actor?.name.includes('(Turkey)'), e?.actor?.name);
  });
  it('separatists in a Russia story are the Ukraine separatists', () => {
    const text =
      'Russia and Russian officials said Moscow wants calm. Russia hosted talks. Shells fell in Donetsk, Ukraine.';
    assert.equal(find(`${text} Separatists denied it.`, 'Separatists')?.actor?.country, 'UA');
  });
});

describe('entities: companies, affiliations and credit lines', () => {
  const rows: Array<[string, string, Entity['type'] | null]> = [
    ['Capital Economics said prices would fall further.', 'Capital Economics', 'organization'],
    ['Energy Aspects said supply was tight.', 'Energy Aspects', 'organization'],
    ['Oxford Research said demand was weak.', 'Oxford Research', 'organization'],
    ['Jamal Haddad of Capital Economics said the deal would hold.', 'Jamal Haddad', 'person'],
    ['Jamal Haddad of Capital Economics said the deal would hold.', 'Capital Economics', 'organization'],
    ['Reporting by John Davison; Editing by Peter Graff', 'John Davison', null],
    ['Reporting by John Davison; Editing by Peter Graff', 'Peter Graff', null],
    ['The Ministry of Defence said two soldiers died.', 'Ministry of Defence', 'organization'],
  ];
  for (const [sentence, mention, type] of rows) {
    it(`${mention} in "${sentence}" -> ${type ?? 'nothing'}`, () => {
      assert.equal(
        find(sentence, mention)?.type ?? null,
        type,
        JSON.stringify(entitiesOf(sentence).map((e) => e.text)),
      );
    });
  }
});

describe('entities: plural demonyms as a government only as a political subject', () => {
  const rows: Array<[string, string, string | null]> = [
    ['The Russians have refused to withdraw, the envoy said.', 'The Russians', 'Government of Russia'],
    ['Kerry met Lavrov, and the Russians agreed to a pause.', 'the Russians', 'Government of Russia'],
    ['The Syrians rejected the plan in Geneva.', 'The Syrians', 'Government of Syria'],
    ['The Russians bombed the town at dawn.', 'The Russians', null],
    ['Aid reached the Syrians who fled the city.', 'the Syrians', null],
    ['Many Iraqis said they would vote.', 'Iraqis', null],
  ];
  for (const [sentence, mention, actor] of rows) {
    it(`${mention} in "${sentence}" -> ${actor ?? 'nothing'}`, () => {
      assert.equal(find(sentence, mention)?.actor?.name ?? null, actor);
    });
  }
});
