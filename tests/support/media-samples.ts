import zlib from 'node:zlib';
import { call, type Handlers } from '../../core/api';

/** The first bytes of files in each media format (and of some that are none), for the tests of media files. */
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

export const SAMPLES = {
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  gif87: bytes('GIF87a', [1, 0, 1, 0]),
  gif89: bytes('GIF89a', [1, 0, 1, 0]),
  mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2'),
  mov: bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  '),
  oldMov: bytes([0, 0, 0, 0x08], 'moov'),
  webm: bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'),
  matroska: bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska'),
  pdf: bytes('%PDF-1.7\n'),
  exe: bytes('MZ', [0x90, 0, 3, 0]),
  html: bytes('<!DOCTYPE html><img src=x onerror=alert(1)>'),
  empty: bytes(),
  riffWave: bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '),
};

/** A small "photo": a PNG signature and some bytes of every value. */
export const PHOTO = new Uint8Array([...SAMPLES.png, ...Array.from({ length: 300 }, (_, i) => i % 256)]);
/** A small "video": an MP4 signature and a few bytes. */
export const VIDEO = new Uint8Array([...SAMPLES.mp4, 1, 2, 3, 4, 5]);

/** Hands a file over as the window does: in pieces (uploads.append); returns the upload's id. */
export async function uploadFile(handlers: Handlers, fileName: string, bytes: Uint8Array, pieces = 2): Promise<string> {
  const size = Math.max(1, Math.ceil(bytes.length / pieces));
  let uploadId: string | undefined;
  for (let at = 0; at < bytes.length; at += size) {
    ({ uploadId } = await call(handlers, 'uploads.append', { uploadId, fileName, chunkBase64: Buffer.from(bytes.subarray(at, at + size)).toString('base64') }));
  }
  return uploadId!;
}

/** A real PNG picture (an evening sky over water, in bands of colour) that a browser shows, `width` × `height` pixels. */
export function pngPicture(width = 160, height = 100): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const sky = y < height * 0.6;
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const t = y / height;
      rows.set(sky ? [250, Math.round(120 + 100 * t), Math.round(60 + 80 * t)] : [20, Math.round(60 + 40 * Math.sin(x / 6)), Math.round(110 + 60 * t)], at);
    }
  }
  return new Uint8Array(Buffer.concat([Buffer.from(SAMPLES.png.subarray(0, 8)), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}
