import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_RULES } from './channels';
import { checkPost, type MediaItem } from './check';

/** The day the post goes out. */
const ON = '2026-12-01';
const image = (rightsUntil: string | null, credit = 'Foto: Stadt Duisburg / Tanja Pickartz'): MediaItem => ({ kind: 'image', alt: 'Lichterketten', credit, rightsUntil });

type Case = [label: string, media: MediaItem[], on: string | undefined, messages: string[]];
const cases: Case[] = [
  ['no expiry date: rights without end', [image(null)], ON, []],
  ['rights until the day it goes out (inclusive)', [image('2026-12-01')], ON, []],
  ['rights ended the day before', [image('2026-11-30')], ON, ['Die Nutzungsrechte an Bild 1 (Foto: Stadt Duisburg / Tanja Pickartz) sind am 30.11.2026 abgelaufen; der Beitrag geht am 01.12.2026 hinaus. Bitte ein anderes Bild wählen oder die Rechte verlängern.']],
  ['a video without credit', [{ kind: 'video', alt: 'Rundgang', rightsUntil: '2026-06-30' }], ON, ['Die Nutzungsrechte an Video 1 sind am 30.06.2026 abgelaufen; der Beitrag geht am 01.12.2026 hinaus. Bitte ein anderes Video wählen oder die Rechte verlängern.']],
  ['only the expired one of two', [image('2027-12-31'), image('2026-01-31', '')], ON, ['Die Nutzungsrechte an Bild 2 sind am 31.01.2026 abgelaufen; der Beitrag geht am 01.12.2026 hinaus. Bitte ein anderes Bild wählen oder die Rechte verlängern.']],
  ['without a day of use nothing is checked', [image('2020-01-01')], undefined, []],
];

describe('checkPost: usage rights of images and videos (Bildnachweis, Rechte bis)', () => {
  it.each(cases)('%s', (_, media, on, messages) => {
    const problems = checkPost('bluesky', 'Der Weihnachtsmarkt hat geöffnet.', media, DEFAULT_CHANNEL_RULES.bluesky, { on }).problems;
    expect(problems.filter((p) => p.code === 'rights-expired').map((p) => p.message)).toEqual(messages);
    expect(problems.filter((p) => p.code !== 'rights-expired')).toEqual([]);
  });
});
