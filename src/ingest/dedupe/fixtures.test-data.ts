/** Invented reports for the dedupe tests (real places, invented events; no text from ../shared). */

const story = [
  'HOMS, Syria - Shelling hit two villages north of Homs on Tuesday despite the local truce agreed last week, a monitoring group and residents said.',
  'The Syrian Observatory for Human Rights said four civilians were killed in Talbiseh and at least nine were wounded in al-Rastan, where a market was struck in the early afternoon.',
  'A local council member said rockets fell near a school that had been turned into a shelter for families who fled the fighting around Hama in the spring.',
  'The government did not comment on the report. State media said the army had responded to attacks by armed groups on checkpoints along the main highway.',
  'The truce, brokered by elders from both sides, was meant to allow flour and fuel into the besieged pocket and to let wounded people leave for treatment in the city.',
  'Aid workers said a convoy of eleven trucks that had been due to enter on Wednesday was postponed until the security situation became clearer.',
  'Residents described long queues for bread and said generators had run out of diesel, leaving the only clinic in Talbiseh without power for most of the day.',
  'Diplomats in Geneva said the incident would be raised at the next meeting of the task force that monitors the cessation of hostilities.',
];

const addedLater = [
  'By evening the toll had risen to seven dead, the monitoring group said, after two of the wounded died on the road to a field hospital.',
  'A spokesman for a rebel faction in the pocket said his fighters would hold their fire for now but warned that the agreement could not survive another day of shelling.',
  'The United Nations envoy called on all parties to respect the truce and said his office was in contact with officials in Damascus about the convoy.',
  'Russia, which backs the government, said its reconciliation centre had recorded three violations in Homs province over the past twenty-four hours, without giving details.',
];

const otherStory = [
  'HOMS, Syria - A car bomb exploded near a bus station in central Homs on Friday, killing at least twelve people, state television said.',
  'Footage showed burnt minibuses and shattered shop windows in a street close to the old souk. Ambulances carried the wounded to the national hospital.',
  'No group immediately claimed the attack. The governor of Homs blamed militants and said security had been tightened at entrances to the city.',
  'Talbiseh and al-Rastan, rebel-held towns north of the city, have been the scene of repeated clashes this year, and residents of the city said they feared new reprisals.',
  'The Syrian Observatory for Human Rights put the toll at fourteen and said the blast was the deadliest in Homs since the start of the year.',
  'Diplomats in Geneva are due to meet next week to review the cessation of hostilities, which excludes Islamic State and the Nusra Front.',
];

export const ORIGINAL = story.join('\n\n');

/** The same text under another site's headline, byline and trailer, with typographic quotes and spacing. */
export const SYNDICATED = [
  'Truce strained as shelling hits villages near Homs | World News Daily',
  'By Staff Writers',
  story.join('\n\n').replace(/'/g, '\u2019').replace(/ - /g, ' \u2014 ').replace(/\. /g, '.  '),
  'Share this article: Facebook Twitter Email',
].join('\n\n');

/** An update: the same report with paragraphs added and the lede rewritten. */
export const UPDATED = [
  'HOMS, Syria - Shelling killed seven people in two villages north of Homs on Tuesday, testing a local truce agreed only last week, a monitoring group and residents said.',
  ...story.slice(1, 4),
  addedLater[0]!,
  addedLater[1]!,
  ...story.slice(4),
  addedLater[2]!,
  addedLater[3]!,
].join('\n\n');

/** The first three paragraphs only: an early short version later expanded. */
export const FLASH = story.slice(0, 3).join('\n\n');

/** Same city, same villages, same monitor and the same diplomats: a different story. */
export const OTHER_STORY = otherStory.join('\n\n');
