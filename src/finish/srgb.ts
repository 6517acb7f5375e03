// An sRGB ICC profile (version 2, display class), built byte by byte so the project needs no profile
// file of uncertain licence: the primaries and white point of IEC 61966-2.1, adapted to D50, and the
// sRGB transfer curve as a 1024-point table. PDF/A's output intent embeds it.

const s15Fixed16 = (value: number) => Math.round(value * 65536);

function xyzTag(x: number, y: number, z: number): Buffer {
  const b = Buffer.alloc(20);
  b.write('XYZ ', 0, 'ascii');
  b.writeInt32BE(s15Fixed16(x), 8);
  b.writeInt32BE(s15Fixed16(y), 12);
  b.writeInt32BE(s15Fixed16(z), 16);
  return b;
}

function curveTag(points: number): Buffer {
  const b = Buffer.alloc(12 + points * 2);
  b.write('curv', 0, 'ascii');
  b.writeUInt32BE(points, 8);
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    b.writeUInt16BE(Math.round(linear * 65535), 12 + i * 2);
  }
  return b;
}

function textDescriptionTag(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, 'ascii');
  const b = Buffer.alloc(12 + ascii.length + 4 + 4 + 2 + 1 + 67);
  b.write('desc', 0, 'ascii');
  b.writeUInt32BE(ascii.length, 8);
  ascii.copy(b, 12);
  return b;
}

function textTag(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, 'ascii');
  const b = Buffer.alloc(8 + ascii.length);
  b.write('text', 0, 'ascii');
  ascii.copy(b, 8);
  return b;
}

const pad4 = (b: Buffer) => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]));

let cached: Buffer | undefined;

export function srgbProfile(): Buffer {
  if (cached) return cached;
  const curve = curveTag(1024);
  const tags: [string, Buffer][] = [
    ['desc', textDescriptionTag('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyzTag(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyzTag(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyzTag(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  const bodies: Buffer[] = [];
  const placed = new Map<Buffer, number>();
  tags.forEach(([signature, data], i) => {
    let at = placed.get(data);
    if (at === undefined) {
      at = offset;
      placed.set(data, at);
      const padded = pad4(data);
      bodies.push(padded);
      offset += padded.length;
    }
    table.write(signature, 4 + i * 12, 'ascii');
    table.writeUInt32BE(at, 8 + i * 12);
    table.writeUInt32BE(data.length, 12 + i * 12);
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0); // profile size
  header.writeUInt32BE(0x02100000, 8); // version 2.1
  header.write('mntr', 12, 'ascii');
  header.write('RGB ', 16, 'ascii');
  header.write('XYZ ', 20, 'ascii');
  // creation date: 2000-01-01 00:00:00, fixed so the profile's bytes never change
  header.writeUInt16BE(2000, 24);
  header.writeUInt16BE(1, 26);
  header.writeUInt16BE(1, 28);
  header.write('acsp', 36, 'ascii');
  header.writeInt32BE(s15Fixed16(0.9642), 68); // D50 illuminant
  header.writeInt32BE(s15Fixed16(1.0), 72);
  header.writeInt32BE(s15Fixed16(0.8249), 76);
  cached = Buffer.concat([header, table, ...bodies]);
  return cached;
}
