/** Ogg's CRC-32: polynomial 0x04C11DB7, MSB first, initial value 0, no final XOR (not zlib's CRC-32). */
const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index << 24
  for (let bit = 0; bit < 8; bit++) value = value & 0x80000000 ? (value << 1) ^ 0x04c11db7 : value << 1
  return value >>> 0
})

export function oggCrc(data: Buffer): number {
  let crc = 0
  for (const byte of data) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0
  return crc
}

export const BEGINNING_OF_STREAM = 0x02
export const END_OF_STREAM = 0x04

export interface OggPage {
  flags: number
  granulePosition: number
  serial: number
  sequence: number
  /** Whole packets, each ending on this page. */
  packets: Buffer[]
}

/** One Ogg page: the 27-byte header, the lacing values of its packets, the packets, and the page's CRC. */
export function oggPage(page: OggPage): Buffer {
  const lacing: number[] = []
  for (const packet of page.packets) {
    let left = packet.length
    while (left >= 255) {
      lacing.push(255)
      left -= 255
    }
    lacing.push(left)
  }
  if (lacing.length > 255) throw new Error('An Ogg page holds at most 255 lacing values')
  const header = Buffer.alloc(27 + lacing.length)
  header.write('OggS', 0, 'ascii')
  header[4] = 0 // stream structure version
  header[5] = page.flags
  header.writeBigUInt64LE(BigInt(page.granulePosition), 6)
  header.writeUInt32LE(page.serial, 14)
  header.writeUInt32LE(page.sequence, 18)
  header[26] = lacing.length
  lacing.forEach((value, index) => (header[27 + index] = value))
  const bytes = Buffer.concat([header, ...page.packets])
  bytes.writeUInt32LE(oggCrc(bytes), 22)
  return bytes
}
