// Draws build/icon.png (512×512 RGBA) for electron-builder: a blue rounded square with a
// white check, the same geometry as build/icon.svg. No dependencies: the pixels are
// rasterised with 4×4 supersampling and encoded as PNG with node:zlib.
// Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const MARGIN = 32;
const RADIUS = 96;
const TOP_COLOR = [0x3c, 0x89, 0xff]; // lighter blue at the top
const BOTTOM_COLOR = [0x09, 0x58, 0xd9]; // antd blue-7 at the bottom
const CHECK = [
  [148, 268],
  [226, 346],
  [372, 184],
];
const STROKE_HALF_WIDTH = 26;
const SAMPLES = 4;

const insideRoundedSquare = (x, y) => {
  const min = MARGIN;
  const max = SIZE - MARGIN;
  if (x < min || x > max || y < min || y > max) return false;
  const cx = Math.min(Math.max(x, min + RADIUS), max - RADIUS);
  const cy = Math.min(Math.max(y, min + RADIUS), max - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
};

const distanceToSegment = (x, y, [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};

// Round caps and joins: within half the stroke width of either segment.
const insideCheck = (x, y) =>
  distanceToSegment(x, y, CHECK[0], CHECK[1]) <= STROKE_HALF_WIDTH ||
  distanceToSegment(x, y, CHECK[1], CHECK[2]) <= STROKE_HALF_WIDTH;

export const renderIconRgba = () => {
  const rgba = new Uint8Array(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py += 1) {
    const mix = py / (SIZE - 1);
    const blue = TOP_COLOR.map((top, i) => top + (BOTTOM_COLOR[i] - top) * mix);
    for (let px = 0; px < SIZE; px += 1) {
      let squareHits = 0;
      let checkHits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          if (insideRoundedSquare(x, y)) {
            squareHits += 1;
            if (insideCheck(x, y)) checkHits += 1;
          }
        }
      }
      const total = SAMPLES * SAMPLES;
      const alpha = squareHits / total;
      const white = squareHits === 0 ? 0 : checkHits / squareHits;
      const offset = (py * SIZE + px) * 4;
      for (let i = 0; i < 3; i += 1) {
        rgba[offset + i] = Math.round(blue[i] * (1 - white) + 255 * white);
      }
      rgba[offset + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export const crc32 = (bytes) => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

export const encodePng = (rgba, width, height) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../build/icon.png', import.meta.url));
  writeFileSync(target, encodePng(renderIconRgba(), SIZE, SIZE));
  console.log(`wrote ${target}`);
}
