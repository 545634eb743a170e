import { seedBytes } from './seed-bytes'

/** MPEG-1 Layer III, 32 kbit/s, 44.1 kHz, mono, no CRC: each frame is 104 bytes (⌊144 × 32000 / 44100⌋) and 1152 samples. */
const FRAME_HEADER = [0xff, 0xfb, 0x10, 0xc0]
const FRAME_BYTES = 104
const FRAMES_PER_SECOND = 44_100 / 1152

/** An ID3v2.3 tag with a title (TIT2) frame. */
function id3Title(title: string): Buffer {
  const text = Buffer.from(`\u0000${title}`, 'latin1') // encoding byte 0: ISO-8859-1
  const frame = Buffer.alloc(10 + text.length)
  frame.write('TIT2', 0, 'ascii')
  frame.writeUInt32BE(text.length, 4)
  text.copy(frame, 10)
  const header = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0])
  // The tag size is "synchsafe": 7 bits per byte.
  for (let index = 0; index < 4; index++) header[9 - index] = (frame.length >> (7 * index)) & 0x7f
  return Buffer.concat([header, frame])
}

/**
 * An MP3 of one to two seconds of silence (by `seed`): frames whose side information is all zero,
 * so they carry no audio data and decode to silence in any MP3 decoder.
 */
export function mp3Audio(seed: number): Buffer {
  const seconds = 1 + (seedBytes(seed, 1)[0] as number) / 255
  const frames = Math.round(seconds * FRAMES_PER_SECOND)
  const frame = Buffer.alloc(FRAME_BYTES)
  Buffer.from(FRAME_HEADER).copy(frame)
  return Buffer.concat([id3Title(`Audio ${seed}`), ...Array.from({ length: frames }, () => frame)])
}
