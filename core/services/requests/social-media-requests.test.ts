/**
 * A question or complaint seen on social media, recorded as a citizen's request on both engines:
 * the channel „Social Media“ with the post's address (link) kept, the link checked as a web
 * address, the register filtered by channel, and the statistics counting the channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type RequestInput } from '../../api';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { errorOf } from '../../../tests/support/api-result';

let app: Awaited<ReturnType<typeof openTempApp>>;
const now = new Date('2026-11-27T09:00:00Z');

const POST = 'https://www.instagram.com/p/DuisburgHafenfest2026/';
const seenOnInstagram = (more: Partial<RequestInput> = {}): RequestInput => ({
  kind: 'beschwerde',
  channel: 'social_media',
  citizen: { surname: '@ruhrpott_gülay' },
  subject: 'Müll am Rheinufer nach dem Hafenfest',
  text: 'Am Rheinufer in Ruhrort liegt seit dem Wochenende überall Müll. Wer räumt das weg?',
  receivedOn: '2026-11-26',
  link: POST,
  ...more,
});

describe.each(ENGINES)('requests from social media on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { label: 'social_requests', now: () => now });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('are recorded with the channel Social Media and the post’s link, shown with the request', async () => {
    const saved = await call(app.handlers, 'requests.save', seenOnInstagram());
    expect(saved).toMatchObject({ channel: 'social_media', link: POST, citizen: { surname: '@ruhrpott_gülay' }, status: 'eingegangen' });
    expect(await call(app.handlers, 'requests.get', { id: saved.id })).toMatchObject({ channel: 'social_media', link: POST });
    const [created] = await call(app.handlers, 'requests.history', { id: saved.id });
    expect(created).toMatchObject({ action: 'Anliegen erfasst', note: 'Beschwerde, Social Media' });
    // Other channels keep an empty link; a link given is trimmed.
    const letter = await call(app.handlers, 'requests.save', seenOnInstagram({ channel: 'brief', link: undefined }));
    expect(letter.link).toBe('');
    // Read, changed and saved again (the whole record), the link given with blanks around it is kept trimmed.
    const again = await call(app.handlers, 'requests.save', { ...saved, link: `  ${POST} ` });
    expect(again.link).toBe(POST);
  });

  it('refuse a link that is no web address, with a German message naming the field', async () => {
    for (const link of ['instagram.com/p/abc', 'ftp://example.org/x', 'https://', 'https://www.instagram .com/p/abc']) {
      const error = await errorOf(dispatch(app.handlers, 'requests.save', seenOnInstagram({ link })));
      expect(error, link).toMatchObject({ code: 'INVALID_INPUT' });
      expect(error?.message, link).toContain('Link: Bitte die Internetadresse des Beitrags angeben; sie beginnt mit https:// (oder http://).');
    }
  });

  it('lose the link with the person’s data when it is erased: the post names them', async () => {
    const saved = await call(app.handlers, 'requests.save', seenOnInstagram());
    await call(app.handlers, 'privacy.citizen.erase', { citizenId: saved.citizen!.id, confirm: '@ruhrpott_gülay' });
    expect(await call(app.handlers, 'requests.get', { id: saved.id })).toMatchObject({ anonymised: true, channel: 'social_media', link: '' });
  });

  it('are found by the register’s channel filter and counted by the statistics', async () => {
    const social = await call(app.handlers, 'requests.save', seenOnInstagram());
    await call(app.handlers, 'requests.save', seenOnInstagram({ channel: 'email', link: '', subject: 'Laterne defekt' }));
    await call(app.handlers, 'requests.save', seenOnInstagram({ link: 'https://mastodon.social/@duisburg/1', subject: 'Öffnungszeiten Bürgerservice?', kind: 'hilfe' }));
    const list = await call(app.handlers, 'requests.list', { channel: 'social_media' });
    expect(list.total).toBe(2);
    expect(list.items.map((i) => [i.subject, i.channel])).toEqual([
      ['Öffnungszeiten Bürgerservice?', 'social_media'],
      [social.subject, 'social_media'],
    ]);
    expect((await call(app.handlers, 'requests.list', { channel: 'email' })).items.map((i) => i.subject)).toEqual(['Laterne defekt']);

    const stats = await call(app.handlers, 'requests.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.byChannel.find((c) => c.key === 'social_media')).toEqual({ key: 'social_media', label: 'Social Media', count: 2 });
    expect(stats.byChannel.find((c) => c.key === 'email')?.count).toBe(1);
  });
});
