/**
 * What a file for a post's media entry is, by its first bytes: the seven formats, files whose
 * name says one thing and whose content another, images for a video entry, files too large.
 */
import { describe, expect, it } from 'vitest';
import { checkMediaFile, MAX_MEDIA_FILE_BYTES, MEDIA_FILE_ACCEPT, mediaFileTypeOf } from './media-files';
import { SAMPLES } from '../../../tests/support/media-samples';

describe('mediaFileTypeOf: the format by the file’s first bytes', () => {
  it.each([
    ['JPEG', SAMPLES.jpeg, 'jpeg'],
    ['PNG', SAMPLES.png, 'png'],
    ['WebP', SAMPLES.webp, 'webp'],
    ['GIF 87a', SAMPLES.gif87, 'gif'],
    ['GIF 89a', SAMPLES.gif89, 'gif'],
    ['MP4 (ftyp isom)', SAMPLES.mp4, 'mp4'],
    ['MOV (ftyp qt)', SAMPLES.mov, 'mov'],
    ['MOV without ftyp (moov first)', SAMPLES.oldMov, 'mov'],
    ['WebM', SAMPLES.webm, 'webm'],
    ['Matroska that is not WebM', SAMPLES.matroska, null],
    ['PDF', SAMPLES.pdf, null],
    ['Windows program', SAMPLES.exe, null],
    ['HTML', SAMPLES.html, null],
    ['empty file', SAMPLES.empty, null],
    ['RIFF that is a WAVE sound', SAMPLES.riffWave, null],
  ] as const)('%s', (_label, content, type) => {
    expect(mediaFileTypeOf(content)).toBe(type);
  });
});

describe('checkMediaFile: the file as a media entry takes it, or a German sentence naming the file', () => {
  it.each([
    ['a JPEG photo', 'Hafen.JPG', SAMPLES.jpeg, 'image', 'jpeg'],
    ['a JPEG named .jpeg', 'hafen.jpeg', SAMPLES.jpeg, 'image', 'jpeg'],
    ['a PNG', 'grafik.png', SAMPLES.png, 'image', 'png'],
    ['a WebP', 'bild.webp', SAMPLES.webp, 'image', 'webp'],
    ['a GIF', 'animation.gif', SAMPLES.gif89, 'image', 'gif'],
    ['an MP4 video', 'rundgang.mp4', SAMPLES.mp4, 'video', 'mp4'],
    ['a MOV from an iPhone', 'IMG_0042.MOV', SAMPLES.mov, 'video', 'mov'],
    ['a WebM', 'clip.webm', SAMPLES.webm, 'video', 'webm'],
  ] as const)('takes %s', (_label, name, content, kind, type) => {
    expect(checkMediaFile(name, content, kind)).toEqual({ ok: true, type });
  });

  it.each([
    [
      'a PDF named like a photo',
      'foto.jpg',
      SAMPLES.pdf,
      'image',
      'Die Datei „foto.jpg“ ist kein Bild und kein Video in einem der Formate JPEG, PNG, WebP, GIF, MP4, MOV oder WebM: Ihr Inhalt passt zu keinem davon.',
    ],
    [
      'a program renamed to .png',
      'grafik.png',
      SAMPLES.exe,
      'image',
      'Die Datei „grafik.png“ ist kein Bild und kein Video in einem der Formate JPEG, PNG, WebP, GIF, MP4, MOV oder WebM: Ihr Inhalt passt zu keinem davon.',
    ],
    [
      'a JPEG named .png',
      'hafen.png',
      SAMPLES.jpeg,
      'image',
      'Die Datei „hafen.png“ ist dem Inhalt nach eine JPEG-Datei, ihr Name endet aber auf „.png“. Bitte die Datei mit der Endung „.jpg“ speichern und erneut wählen.',
    ],
    [
      'a PNG named .exe',
      'bild.exe',
      SAMPLES.png,
      'image',
      'Die Datei „bild.exe“ ist dem Inhalt nach eine PNG-Datei, ihr Name endet aber auf „.exe“. Bitte die Datei mit der Endung „.png“ speichern und erneut wählen.',
    ],
    [
      'a photo without an extension',
      'hafen',
      SAMPLES.jpeg,
      'image',
      'Die Datei „hafen“ ist dem Inhalt nach eine JPEG-Datei, ihr Name endet aber ohne passende Endung. Bitte die Datei mit der Endung „.jpg“ speichern und erneut wählen.',
    ],
    [
      'a video for an image entry',
      'rundgang.mp4',
      SAMPLES.mp4,
      'image',
      'Die Datei „rundgang.mp4“ ist ein Video, der Eintrag aber ein Bild. Bitte die Art des Eintrags ändern oder eine andere Datei wählen.',
    ],
    [
      'an image for a video entry',
      'hafen.jpg',
      SAMPLES.jpeg,
      'video',
      'Die Datei „hafen.jpg“ ist ein Bild, der Eintrag aber ein Video. Bitte die Art des Eintrags ändern oder eine andere Datei wählen.',
    ],
  ] as const)('refuses %s', (_label, name, content, kind, message) => {
    expect(checkMediaFile(name, content, kind)).toEqual({ ok: false, message });
  });

  it('refuses an image one byte over its limit and takes one exactly at it', () => {
    const at = new Uint8Array(MAX_MEDIA_FILE_BYTES.image);
    at.set(SAMPLES.png);
    expect(checkMediaFile('plakat.png', at, 'image')).toEqual({ ok: true, type: 'png' });
    const over = new Uint8Array(MAX_MEDIA_FILE_BYTES.image + 1);
    over.set(SAMPLES.png);
    expect(checkMediaFile('plakat.png', over, 'image')).toEqual({ ok: false, message: 'Die Datei „plakat.png“ ist 20,1 MB groß; ein Bild darf höchstens 20 MB groß sein.' });
  });

  it('offers the file chooser every extension and type it takes', () => {
    expect(MEDIA_FILE_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.mp4', '.mov', '.webm', 'image/jpeg', 'video/quicktime', 'video/webm']),
    );
  });
});
