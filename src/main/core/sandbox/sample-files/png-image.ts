import { crc32, deflateSync } from 'node:zlib'
import { seedBytes } from './seed-bytes'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const SIZE = 64
const CELL = 8

/** A chunk: length, type, data, and the CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, data, crc])
}

/** A 64×64 8-bit RGB PNG: a checkerboard of two colours picked by `seed`. */
export function pngImage(seed: number): Buffer {
  const colours = seedBytes(seed, 6)
  const rows: Buffer[] = []
  for (let y = 0; y < SIZE; y++) {
    // Each scanline starts with its filter type, 0 (None).
    const row = Buffer.alloc(1 + SIZE * 3)
    for (let x = 0; x < SIZE; x++) {
      const second = (Math.floor(x / CELL) + Math.floor(y / CELL)) % 2 === 1
      colours.copy(row, 1 + x * 3, second ? 3 : 0, second ? 6 : 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: truecolour (RGB)
  // compression 0 (deflate), filter method 0, no interlace: already zero
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}
