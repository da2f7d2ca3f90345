/**
 * Image and video files of a post's media entries, through the contract on both engines: uploaded
 * in pieces, checked by their content, stored through the one file store (deps.files: the data
 * folder on one PC, the office database in office mode) with the post's row, given back byte for
 * byte, kept when the post is saved again, and removed with their entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type OnlinePostInput } from '../../api';
import { errorOf } from '../../../tests/support/api-result';
import { openOtherOfficePc, openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { PHOTO, SAMPLES, uploadFile, VIDEO } from '../../../tests/support/media-samples';

let app: Awaited<ReturnType<typeof openTempApp>>;
const now = new Date('2026-11-27T09:00:00Z');

const upload = (fileName: string, bytes: Uint8Array, pieces = 2) => uploadFile(app.handlers, fileName, bytes, pieces);
type Medium = { kind: 'image' | 'video'; alt: string; credit?: string; file: { uploadId: string } | { key: string } | null };
/** A post with its media (every field given, as the window sends a changed post). */
const post = (media: Medium[], more: Partial<OnlinePostInput> = {}): OnlinePostInput => ({
  topicId: null,
  link: '',
  channel: 'bluesky',
  text: 'Das Hafenfest in Ruhrort beginnt am 18. Juni 2027!',
  plannedAt: '2026-11-30T10:00',
  media: media.map((m) => ({ credit: '', rightsUntil: null, ...m })),
  ...more,
});
const save = (input: OnlinePostInput) => call(app.handlers, 'online.posts.save', input);
const fileOf = async (id: number, key: string) => {
  const file = await call(app.handlers, 'online.posts.mediaFile', { id, key });
  return { fileName: file.fileName, bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
};
/** The keys below Online/ in the file store (the data folder, or the office database). */
const stored = () => app.files.list('Online');

describe.each(ENGINES)('media files of online posts on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { label: 'online_media', now: () => now });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('stores an uploaded image with the post, gives it back byte for byte, and keeps it when the post is saved again', async () => {
    const uploadId = await upload('Hafen bei Nacht – Ruhrort.png', PHOTO, 3);
    const saved = await save(post([{ kind: 'image', alt: 'Schiffe im Eisenbahnhafen', credit: 'Foto: Stadt Duisburg', file: { uploadId } }]));
    const file = saved.media[0]!.file!;
    expect(file).toMatchObject({ fileName: 'Hafen bei Nacht – Ruhrort.png', size: PHOTO.length, type: 'png' });
    // A safe, transliterated key in the post's folder.
    expect(file.key).toMatch(new RegExp(`^Online/${saved.id}/\\d+-[0-9a-f]{8}-Hafen-bei-Nacht-Ruhrort\\.png$`));
    expect(await stored()).toEqual([file.key]);
    expect(await fileOf(saved.id, file.key)).toEqual({ fileName: 'Hafen bei Nacht – Ruhrort.png', bytes: PHOTO });
    // The upload's staging copy is gone.
    expect(await errorOf(dispatch(app.handlers, 'uploads.append', { uploadId, fileName: 'x', chunkBase64: '' }))).toMatchObject({ code: 'NOT_FOUND' });

    // Saved again with the file named by its key (and new text): the same file, nothing added.
    const again = await save(post([{ kind: 'image', alt: 'Schiffe im Eisenbahnhafen am Abend', credit: '', file: { key: file.key } }], { id: saved.id, revision: saved.revision }));
    expect(again.media[0]!.file).toEqual(file);
    expect(await stored()).toEqual([file.key]);
    expect((await call(app.handlers, 'online.posts.get', { id: saved.id })).media[0]!.file).toEqual(file);
  });

  it('removes the file with its entry, and when a new file takes its place', async () => {
    const first = await save(post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('hafen.png', PHOTO) } }, { kind: 'video', alt: 'Rundgang', file: { uploadId: await upload('rundgang.mp4', VIDEO) } }]));
    const [photo, video] = first.media.map((m) => m.file!.key);
    expect((await stored()).sort()).toEqual([photo, video].sort());

    // A new image for the first entry: the old file goes.
    const replaced = await save(post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('hafen-neu.png', PHOTO) } }, { kind: 'video', alt: 'Rundgang', file: { key: video! } }], { id: first.id, revision: first.revision }));
    const newPhoto = replaced.media[0]!.file!.key;
    expect(newPhoto).not.toBe(photo);
    expect((await stored()).sort()).toEqual([newPhoto, video].sort());
    expect(await errorOf(dispatch(app.handlers, 'online.posts.mediaFile', { id: first.id, key: photo! }))).toMatchObject({ code: 'NOT_FOUND' });

    // The video's entry removed, the image's file taken off its entry: nothing is left.
    const bare = await save(post([{ kind: 'image', alt: 'Hafen', file: null }], { id: first.id, revision: replaced.revision }));
    expect(bare.media).toEqual([{ kind: 'image', alt: 'Hafen', credit: '', rightsUntil: null, file: null }]);
    expect(await stored()).toEqual([]);
    // In the data folder the post's emptied folder goes too.
    if (kind === 'sqlite') expect(fs.existsSync(path.join(app.dataDir, 'Online', String(first.id)))).toBe(false);
  });

  it('refuses files by their content with a German message naming the file, and stores nothing then', async () => {
    const cases: Array<[string, Uint8Array, 'image' | 'video', string]> = [
      ['Plakat.jpg', SAMPLES.pdf, 'image', 'Die Datei „Plakat.jpg“ ist kein Bild und kein Video in einem der Formate JPEG, PNG, WebP, GIF, MP4, MOV oder WebM: Ihr Inhalt passt zu keinem davon.'],
      ['hafen.gif', PHOTO, 'image', 'Die Datei „hafen.gif“ ist dem Inhalt nach eine PNG-Datei, ihr Name endet aber auf „.gif“. Bitte die Datei mit der Endung „.png“ speichern und erneut wählen.'],
      ['rundgang.mp4', VIDEO, 'image', 'Die Datei „rundgang.mp4“ ist ein Video, der Eintrag aber ein Bild. Bitte die Art des Eintrags ändern oder eine andere Datei wählen.'],
    ];
    for (const [fileName, bytes, mediaKind, message] of cases) {
      const uploadId = await upload(fileName, bytes);
      const error = await errorOf(dispatch(app.handlers, 'online.posts.save', post([{ kind: mediaKind, alt: 'Bild', file: { uploadId } }])));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message });
    }
    expect(await call(app.handlers, 'online.posts.list', { from: '2026-11-30', to: '2026-11-30' })).toEqual([]);
    expect(await stored()).toEqual([]);

    // A key of another post's file (or of any other file in the store) is not taken.
    const other = await save(post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('hafen.png', PHOTO) } }]));
    const mine = await save(post([]));
    const borrowed = await errorOf(dispatch(app.handlers, 'online.posts.save', post([{ kind: 'image', alt: 'Hafen', file: { key: other.media[0]!.file!.key } }], { id: mine.id, revision: mine.revision })));
    expect(borrowed).toMatchObject({ code: 'INVALID_INPUT', message: 'Die Datei von Bild oder Video 1 gehört nicht zu diesem Beitrag. Bitte den Beitrag neu laden.' });
    expect(await errorOf(dispatch(app.handlers, 'online.posts.mediaFile', { id: mine.id, key: other.media[0]!.file!.key }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(dispatch(app.handlers, 'online.posts.mediaFile', { id: mine.id, key: '../dsgvo.sqlite' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the file when the save fails later (a planned time in the past), and stores no new one', async () => {
    const saved = await save(post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('hafen.png', PHOTO) } }]));
    const key = saved.media[0]!.file!.key;
    const refused = await errorOf(
      dispatch(app.handlers, 'online.posts.save', post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('neu.png', PHOTO) } }], { id: saved.id, revision: saved.revision, plannedAt: '2026-11-01T10:00' })),
    );
    expect(refused?.code).toBe('INVALID_INPUT');
    expect(await stored()).toEqual([key]);
    expect((await fileOf(saved.id, key)).bytes).toEqual(PHOTO);
  });

  it.runIf(kind === 'sqlite')('a removal a crash interrupted gives the file back while its post still names it (the daily retention check settles it)', async () => {
    const saved = await save(post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('hafen.png', PHOTO) } }]));
    const key = saved.media[0]!.file!.key;
    // Moved aside for a save that then never committed (the process was killed): neither done nor undone.
    await app.files.removal([key]);
    expect(await app.files.get(key)).toBeNull();
    await call(app.handlers, 'privacy.retention.run', { automatic: false });
    expect(await fileOf(saved.id, key)).toEqual({ fileName: 'hafen.png', bytes: PHOTO });
  });

  it.runIf(kind === 'postgres')('an image attached on one PC is in the office database and opens on another', async () => {
    const saved = await save(post([{ kind: 'image', alt: 'Hafen', file: { uploadId: await upload('hafen.png', PHOTO) } }]));
    const key = saved.media[0]!.file!.key;
    expect(fs.existsSync(path.join(app.dataDir, 'Online'))).toBe(false);
    const other = await openOtherOfficePc(app.url!);
    try {
      const file = await call(other.handlers, 'online.posts.mediaFile', { id: saved.id, key });
      expect(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).toEqual(PHOTO);
    } finally {
      await other.close();
    }
  });
});
