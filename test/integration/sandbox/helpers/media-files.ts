import { crc32, inflateSync } from 'node:zlib'

/**
 * Structural checks of the files the sandbox's customers send, written from the format
 * specifications (PNG, RFC 7845 Ogg/Opus, PDF 1.4, WebP lossless, MPEG audio), independently of
 * the sandbox's own code. Each throws on the first violation and returns what it read.
 */

export function checkPng(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('PNG: bad signature')
  let offset = 8
  const chunks: { type: string; data: Buffer }[] = []
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset)
    const type = bytes.toString('ascii', offset + 4, offset + 8)
    const data = bytes.subarray(offset + 8, offset + 8 + length)
    const crc = bytes.readUInt32BE(offset + 8 + length)
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`PNG: bad CRC in ${type}`)
    chunks.push({ type, data })
    offset += 12 + length
  }
  if (chunks[0]?.type !== 'IHDR' || chunks.at(-1)?.type !== 'IEND') throw new Error('PNG: IHDR first and IEND last')
  const header = chunks[0].data
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  if (header[8] !== 8 || header[9] !== 2 || header[10] !== 0 || header[11] !== 0 || header[12] !== 0) throw new Error('PNG: expected 8-bit RGB, not interlaced')
  const pixels = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)))
  if (pixels.length !== height * (1 + width * 3)) throw new Error(`PNG: ${pixels.length} bytes of scanlines for ${width}×${height}`)
  for (let row = 0; row < height; row++) if ((pixels[row * (1 + width * 3)] as number) > 4) throw new Error('PNG: bad filter type')
  return { width, height }
}

const OGG_CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index << 24
  for (let bit = 0; bit < 8; bit++) value = (value & 0x80000000 ? (value << 1) ^ 0x04c11db7 : value << 1) >>> 0
  return value
})

function oggCrc(page: Buffer): number {
  let crc = 0
  for (const byte of page) crc = ((crc << 8) ^ (OGG_CRC_TABLE[(crc >>> 24) ^ byte] as number)) >>> 0
  return crc
}

export function checkOggOpus(bytes: Buffer): { channels: number; preSkip: number; seconds: number; comments: string[] } {
  let offset = 0
  const packets: Buffer[] = []
  let partial: Buffer[] = []
  let last = { flags: 0, granule: 0n }
  for (let sequence = 0; offset < bytes.length; sequence++) {
    if (bytes.toString('ascii', offset, offset + 4) !== 'OggS' || bytes[offset + 4] !== 0) throw new Error('Ogg: bad capture pattern')
    const flags = bytes[offset + 5] as number
    const granule = bytes.readBigUInt64LE(offset + 6)
    if (bytes.readUInt32LE(offset + 18) !== sequence) throw new Error('Ogg: page sequence gap')
    const segments = bytes[offset + 26] as number
    const lacing = [...bytes.subarray(offset + 27, offset + 27 + segments)]
    const size = 27 + segments + lacing.reduce((sum, value) => sum + value, 0)
    const page = Buffer.from(bytes.subarray(offset, offset + size))
    const crc = page.readUInt32LE(22)
    page.writeUInt32LE(0, 22)
    if (oggCrc(page) !== crc) throw new Error(`Ogg: bad CRC on page ${sequence}`)
    if (sequence === 0 && !(flags & 0x02)) throw new Error('Ogg: first page lacks beginning-of-stream')
    if (granule < last.granule) throw new Error('Ogg: granule position went backwards')
    let at = offset + 27 + segments
    for (const value of lacing) {
      partial.push(bytes.subarray(at, at + value))
      at += value
      if (value < 255) {
        packets.push(Buffer.concat(partial))
        partial = []
      }
    }
    last = { flags, granule }
    offset += size
  }
  if (!(last.flags & 0x04)) throw new Error('Ogg: last page lacks end-of-stream')
  const head = packets[0]
  if (!head || head.toString('ascii', 0, 8) !== 'OpusHead' || head[8] !== 1) throw new Error('Opus: no OpusHead')
  const tags = packets[1]
  if (!tags || tags.toString('ascii', 0, 8) !== 'OpusTags') throw new Error('Opus: no OpusTags')
  const vendorLength = tags.readUInt32LE(8)
  let at = 12 + vendorLength
  const comments: string[] = []
  for (let count = tags.readUInt32LE(at), index = 0; index < count; index++) {
    const length = tags.readUInt32LE(at + 4)
    comments.push(tags.toString('utf8', at + 8, at + 8 + length))
    at += 4 + length
  }
  const preSkip = head.readUInt16LE(10)
  if (packets.length < 3) throw new Error('Opus: no audio packets')
  return { channels: head[9] as number, preSkip, seconds: (Number(last.granule) - preSkip) / 48_000, comments }
}

export function checkPdf(bytes: Buffer): { text: string } {
  const text = bytes.toString('latin1')
  if (!text.startsWith('%PDF-1.')) throw new Error('PDF: bad header')
  if (!/%%EOF\r?\n?$/.test(text)) throw new Error('PDF: no %%EOF at the end')
  const startxref = /startxref\r?\n(\d+)\r?\n%%EOF\r?\n?$/.exec(text)
  if (!startxref) throw new Error('PDF: no startxref')
  const xrefAt = Number(startxref[1])
  if (!text.startsWith('xref', xrefAt)) throw new Error('PDF: startxref does not point at the xref table')
  const table = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xrefAt))!
  const count = Number(table[1])
  const entries = text.slice(xrefAt + table[0].length, xrefAt + table[0].length + 20 * count)
  for (let object = 1; object < count; object++) {
    const offset = Number(entries.slice(object * 20, object * 20 + 10))
    if (!text.startsWith(`${object} 0 obj`, offset)) throw new Error(`PDF: xref entry ${object} does not point at its object`)
  }
  if (!/\/Type \/Catalog/.test(text) || !/\/Type \/Page\b/.test(text)) throw new Error('PDF: no catalog or page')
  return { text: [...text.matchAll(/\((.*?)\) Tj/g)].map((match) => match[1]).join('\n') }
}

export function checkWebpLossless(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WEBP') throw new Error('WebP: not RIFF/WEBP')
  if (bytes.readUInt32LE(4) !== bytes.length - 8) throw new Error('WebP: RIFF size does not match the file')
  if (bytes.toString('ascii', 12, 16) !== 'VP8L') throw new Error('WebP: not a simple lossless file')
  const size = bytes.readUInt32LE(16)
  if (20 + size + (size % 2) !== bytes.length) throw new Error('WebP: VP8L chunk size does not match')
  if (bytes[20] !== 0x2f) throw new Error('WebP: bad VP8L signature')
  const bits = bytes.readUInt32LE(21)
  const width = (bits & 0x3fff) + 1
  const height = ((bits >>> 14) & 0x3fff) + 1
  if (bits >>> 29 !== 0) throw new Error('WebP: VP8L version must be 0')
  return { width, height }
}

/** MPEG-1 Layer III after an optional ID3v2 tag: every frame starts with the sync word. */
export function checkMp3(bytes: Buffer): { frames: number } {
  let offset = 0
  if (bytes.toString('ascii', 0, 3) === 'ID3') offset = 10 + ((bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!)
  let frames = 0
  const bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff || (bytes[offset + 1]! & 0xfe) !== 0xfa) throw new Error(`MP3: no frame sync at ${offset}`)
    const bitrate = bitrates[bytes[offset + 2]! >> 4]!
    const padding = (bytes[offset + 2]! >> 1) & 1
    offset += Math.floor((144 * bitrate * 1000) / 44_100) + padding
    frames++
  }
  if (offset !== bytes.length || frames === 0) throw new Error('MP3: the last frame is cut short')
  return { frames }
}

interface Mp4Box {
  type: string
  start: number
  end: number
  body: Buffer
}

function mp4Boxes(bytes: Buffer, start = 0, end = bytes.length): Mp4Box[] {
  const boxes: Mp4Box[] = []
  for (let offset = start; offset < end; ) {
    const size = bytes.readUInt32BE(offset)
    if (size < 8 || offset + size > end) throw new Error(`MP4: box at ${offset} overruns its parent`)
    boxes.push({ type: bytes.toString('ascii', offset + 4, offset + 8), start: offset, end: offset + size, body: bytes.subarray(offset + 8, offset + size) })
    offset += size
  }
  return boxes
}

function child(bytes: Buffer, parent: Mp4Box, path: string[], header = 0): Mp4Box {
  const found = mp4Boxes(bytes, parent.start + 8 + header, parent.end).find((candidate) => candidate.type === path[0])
  if (!found) throw new Error(`MP4: no ${path[0]} in ${parent.type}`)
  return path.length === 1 ? found : child(bytes, found, path.slice(1))
}

/** ISO BMFF with one H.264 track: its boxes nest, the sample table points into mdat, and every sample is a length-prefixed IDR slice. */
export function checkMp4(bytes: Buffer): { width: number; height: number; frames: number; seconds: number } {
  const top = mp4Boxes(bytes)
  if (top[0]?.type !== 'ftyp') throw new Error('MP4: ftyp must come first')
  const moov = top.find((box) => box.type === 'moov')
  const mdat = top.find((box) => box.type === 'mdat')
  if (!moov || !mdat) throw new Error('MP4: no moov or mdat')
  const mvhd = child(bytes, moov, ['mvhd'])
  const seconds = mvhd.body.readUInt32BE(16) / mvhd.body.readUInt32BE(12)
  const stbl = child(bytes, moov, ['trak', 'mdia', 'minf', 'stbl'])
  const stsd = child(bytes, stbl, ['stsd'])
  // stsd: version/flags and entry count, then the avc1 entry (78 bytes of fields before its avcC).
  const avc1 = mp4Boxes(bytes, stsd.start + 16, stsd.end)[0]!
  if (avc1.type !== 'avc1') throw new Error('MP4: the sample entry is not avc1')
  const width = avc1.body.readUInt16BE(24)
  const height = avc1.body.readUInt16BE(26)
  const avcC = mp4Boxes(bytes, avc1.start + 8 + 78, avc1.end).find((box) => box.type === 'avcC')
  if (!avcC || avcC.body[0] !== 1 || ((avcC.body[4] as number) & 3) !== 3) throw new Error('MP4: no avcC with 4-byte NAL lengths')
  const stsz = child(bytes, stbl, ['stsz']).body
  const frames = stsz.readUInt32BE(8)
  const sizes = Array.from({ length: frames }, (_, index) => stsz.readUInt32BE(12 + 4 * index))
  let offset = child(bytes, stbl, ['stco']).body.readUInt32BE(8)
  if (offset !== mdat.start + 8) throw new Error('MP4: the chunk offset does not point at the media data')
  for (const size of sizes) {
    const nalLength = bytes.readUInt32BE(offset)
    if (nalLength + 4 !== size || ((bytes[offset + 4] as number) & 0x1f) !== 5) throw new Error('MP4: a sample is not one IDR slice')
    offset += size
  }
  if (offset !== mdat.end) throw new Error('MP4: samples do not fill mdat')
  return { width, height, frames, seconds }
}
