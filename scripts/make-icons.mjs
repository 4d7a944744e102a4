// Draws the toolbar icons as PNGs with no image library: a key shape, in "on" and "off" variants.
// The "off" variant adds a diagonal slash so that state is not told by colour alone.
// Run: node scripts/make-icons.mjs (outputs are committed under public/icons).
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x4 supersampling for smooth edges
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          if (p) {
            acc[0] += p[0] * p[3];
            acc[1] += p[1] * p[3];
            acc[2] += p[2] * p[3];
            acc[3] += p[3];
          }
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / 16;
      raw[o] = a ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function keyShape(x, y) {
  const dx = x - 0.33,
    dy = y - 0.5,
    r = Math.hypot(dx, dy);
  if (r < 0.24 && r > 0.1) return true; // bow ring
  if (x > 0.5 && x < 0.9 && Math.abs(y - 0.5) < 0.07) return true; // shaft
  if (x > 0.72 && x < 0.8 && y > 0.5 && y < 0.7) return true; // bit
  if (x > 0.84 && x < 0.9 && y > 0.5 && y < 0.66) return true; // bit
  return false;
}

const variants = {
  icon: [14, 128, 116],
  'icon-off': [120, 120, 120],
};
for (const [name, color] of Object.entries(variants)) {
  for (const size of [16, 32, 48, 128]) {
    const img = png(size, (x, y) => {
      const inBg = Math.hypot(x - 0.5, y - 0.5) < 0.5;
      if (!inBg) return null;
      if (name === 'icon-off' && Math.abs(x - y) < 0.06) return [255, 255, 255, 255];
      if (keyShape(x, y)) return [255, 255, 255, 255];
      return [...color, 255];
    });
    writeFileSync(new URL(`../public/icons/${name}-${size}.png`, import.meta.url), img);
  }
}
