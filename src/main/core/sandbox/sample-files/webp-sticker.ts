import { seedBytes } from './seed-bytes'

const SIZE = 64

/** VP8L reads its bitstream least significant bit first. */
class BitWriter {
  private readonly bytes: number[] = []
  private current = 0
  private used = 0

  write(value: number, bits: number): void {
    for (let bit = 0; bit < bits; bit++) {
      this.current |= ((value >>> bit) & 1) << this.used
      if (++this.used === 8) {
        this.bytes.push(this.current)
        this.current = 0
        this.used = 0
      }
    }
  }

  finish(): Buffer {
    return Buffer.from(this.used > 0 ? [...this.bytes, this.current] : this.bytes)
  }
}

/** A "simple" prefix code with one 8-bit symbol: its code length is zero, so reading it takes no bits. */
function singleSymbolCode(bits: BitWriter, symbol: number): void {
  bits.write(1, 1) // simple code
  bits.write(0, 1) // one symbol
  bits.write(1, 1) // the symbol takes 8 bits
  bits.write(symbol, 8)
}

/**
 * A static 64×64 lossless WebP (VP8L) of one colour picked by `seed`. With every prefix code
 * holding a single symbol, each pixel takes zero bits: the image data is only the header and the
 * five codes (green, red, blue, alpha, distance).
 */
export function webpSticker(seed: number): Buffer {
  const [red = 0, green = 0, blue = 0] = seedBytes(seed, 3)
  const bits = new BitWriter()
  bits.write(0x2f, 8) // VP8L signature
  bits.write(SIZE - 1, 14)
  bits.write(SIZE - 1, 14)
  bits.write(0, 1) // alpha_is_used: a hint, every pixel is opaque
  bits.write(0, 3) // version
  bits.write(0, 1) // no transforms
  bits.write(0, 1) // no colour cache
  bits.write(0, 1) // no meta prefix codes
  for (const symbol of [green, red, blue, 255, 0]) singleSymbolCode(bits, symbol)
  const data = bits.finish()
  const padded = data.length % 2 === 1 ? Buffer.concat([data, Buffer.alloc(1)]) : data
  const header = Buffer.alloc(20)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(12 + padded.length, 4)
  header.write('WEBP', 8, 'ascii')
  header.write('VP8L', 12, 'ascii')
  header.writeUInt32LE(data.length, 16)
  return Buffer.concat([header, padded])
}
