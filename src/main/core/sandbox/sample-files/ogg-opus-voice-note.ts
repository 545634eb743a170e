import { BEGINNING_OF_STREAM, END_OF_STREAM, oggPage } from './ogg-page'
import { seedBytes } from './seed-bytes'

/** TOC 0xF8: CELT-only, fullband, 20 ms, mono, one frame; the frame 0xFF 0xFE decodes to silence. */
const SILENT_PACKET = Buffer.from([0xf8, 0xff, 0xfe])
const SAMPLE_RATE = 48_000
const SAMPLES_PER_PACKET = 960
const PRE_SKIP = 312
const PACKETS_PER_PAGE = 50

function opusHead(): Buffer {
  const head = Buffer.alloc(19)
  head.write('OpusHead', 0, 'ascii')
  head[8] = 1 // version
  head[9] = 1 // channels
  head.writeUInt16LE(PRE_SKIP, 10)
  head.writeUInt32LE(SAMPLE_RATE, 12) // input sample rate (informational)
  head.writeInt16LE(0, 16) // output gain
  head[18] = 0 // channel mapping family: mono/stereo, no table
  return head
}

function opusTags(comments: string[]): Buffer {
  const vendor = Buffer.from('Switchboard sandbox', 'utf8')
  const parts = [Buffer.from('OpusTags', 'ascii'), u32(vendor.length), vendor, u32(comments.length)]
  for (const comment of comments) {
    const bytes = Buffer.from(comment, 'utf8')
    parts.push(u32(bytes.length), bytes)
  }
  return Buffer.concat(parts)
}

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32LE(value, 0)
  return bytes
}

/**
 * A voice note as WhatsApp records them: Ogg/Opus, mono, 48 kHz, one to two seconds of silence
 * (by `seed`). The identification and comment headers each end their page, as RFC 7845 requires;
 * audio pages carry the granule position of their last packet (pre-skip included), and the last
 * page trims the stream to the exact duration.
 */
export function oggOpusVoiceNote(seed: number): Buffer {
  const serial = seedBytes(seed, 4).readUInt32LE(0)
  const seconds = 1 + (seed % 3) / 2
  const playable = seconds * SAMPLE_RATE
  const packetCount = Math.ceil((playable + PRE_SKIP) / SAMPLES_PER_PACKET)
  const pages = [
    oggPage({ flags: BEGINNING_OF_STREAM, granulePosition: 0, serial, sequence: 0, packets: [opusHead()] }),
    oggPage({ flags: 0, granulePosition: 0, serial, sequence: 1, packets: [opusTags([`TITLE=Voice note ${seed}`])] }),
  ]
  for (let first = 0; first < packetCount; first += PACKETS_PER_PAGE) {
    const count = Math.min(PACKETS_PER_PAGE, packetCount - first)
    const last = first + count === packetCount
    pages.push(
      oggPage({
        flags: last ? END_OF_STREAM : 0,
        granulePosition: last ? PRE_SKIP + playable : (first + count) * SAMPLES_PER_PACKET,
        serial,
        sequence: pages.length,
        packets: Array.from({ length: count }, () => SILENT_PACKET),
      }),
    )
  }
  return Buffer.concat(pages)
}
