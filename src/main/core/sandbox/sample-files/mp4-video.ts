import { CONSTRAINED_BASELINE_FLAGS, LEVEL_1, PROFILE_BASELINE, pcmIdrSlice, pictureParameterSet, sequenceParameterSet, type MacroblockColour } from './h264-pcm-stream'
import { seedBytes } from './seed-bytes'

const WIDTH_MBS = 2
const HEIGHT_MBS = 2
const FRAMES = 8
/** Milliseconds per frame: 8 frames make a two-second clip. */
const FRAME_MS = 250
const TIMESCALE = 1000
const IDENTITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000]

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length, 0)
  head.write(type, 4, 'ascii')
  return Buffer.concat([head, body])
}

/** A box with a version byte and three flag bytes before its fields. */
function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const head = Buffer.alloc(4)
  head.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0)
  return box(type, head, ...parts)
}

function u32(...values: number[]): Buffer {
  const bytes = Buffer.alloc(4 * values.length)
  values.forEach((value, index) => bytes.writeUInt32BE(value >>> 0, 4 * index))
  return bytes
}

function u16(...values: number[]): Buffer {
  const bytes = Buffer.alloc(2 * values.length)
  values.forEach((value, index) => bytes.writeUInt16BE(value & 0xffff, 2 * index))
  return bytes
}

/** Each frame's macroblocks: the seed's colours, brightening frame by frame. */
function frames(seed: number): MacroblockColour[][] {
  const bytes = seedBytes(seed, 2 * WIDTH_MBS * HEIGHT_MBS)
  return Array.from({ length: FRAMES }, (_, frame) =>
    Array.from({ length: WIDTH_MBS * HEIGHT_MBS }, (_, index) => ({
      // Video range (16–235 luma, 16–240 chroma) and never 0, so no start-code escapes are needed in the samples.
      y: 40 + ((index * 40 + frame * 20) % 180),
      cb: 16 + ((bytes[2 * index] as number) % 224),
      cr: 16 + ((bytes[2 * index + 1] as number) % 224),
    })),
  )
}

function avcConfiguration(sps: Buffer, pps: Buffer): Buffer {
  return box(
    'avcC',
    Buffer.from([1, PROFILE_BASELINE, CONSTRAINED_BASELINE_FLAGS, LEVEL_1, 0xff /* 4-byte NAL lengths */, 0xe1 /* one SPS */]),
    u16(sps.length),
    sps,
    Buffer.from([1]),
    u16(pps.length),
    pps,
  )
}

function sampleEntry(width: number, height: number, configuration: Buffer): Buffer {
  const compressor = Buffer.alloc(32)
  return box(
    'avc1',
    Buffer.alloc(6), // reserved
    u16(1), // data_reference_index
    Buffer.alloc(16), // pre_defined and reserved
    u16(width, height),
    u32(0x00480000, 0x00480000), // 72 dpi
    u32(0),
    u16(1), // frame_count
    compressor,
    u16(0x0018, 0xffff), // depth, pre_defined -1
    configuration,
  )
}

function movie(width: number, height: number, sampleSizes: number[], dataOffset: number, configuration: Buffer): Buffer {
  const duration = FRAMES * FRAME_MS
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), sampleEntry(width, height, configuration)),
    fullBox('stts', 0, 0, u32(1, FRAMES, FRAME_MS)),
    fullBox('stsc', 0, 0, u32(1, 1, FRAMES, 1)),
    fullBox('stsz', 0, 0, u32(0, FRAMES, ...sampleSizes)),
    fullBox('stco', 0, 0, u32(1, dataOffset)),
  )
  const minf = box('minf', fullBox('vmhd', 0, 1, u16(0, 0, 0, 0)), box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))), stbl)
  const mdia = box(
    'mdia',
    fullBox('mdhd', 0, 0, u32(0, 0, TIMESCALE, duration), u16(0x55c4 /* und */, 0)),
    fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide', 'ascii'), u32(0, 0, 0), Buffer.from('VideoHandler\u0000', 'ascii')),
    minf,
  )
  const trak = box('trak', fullBox('tkhd', 0, 3, u32(0, 0, 1, 0, duration, 0, 0), u16(0, 0, 0, 0), u32(...IDENTITY_MATRIX), u32(width << 16, height << 16)), mdia)
  const mvhd = fullBox('mvhd', 0, 0, u32(0, 0, TIMESCALE, duration, 0x00010000), u16(0x0100, 0), u32(0, 0), u32(...IDENTITY_MATRIX), u32(0, 0, 0, 0, 0, 0), u32(2))
  return box('moov', mvhd, trak)
}

/**
 * A playable two-second 32×32 MP4 (H.264 constrained baseline, every frame an IDR picture of
 * I_PCM macroblocks), colours by `seed`. The movie box comes before the media data, as
 * streaming players prefer.
 */
export function mp4Video(seed: number): Buffer {
  const sps = sequenceParameterSet(WIDTH_MBS, HEIGHT_MBS)
  const pps = pictureParameterSet()
  const samples = frames(seed).map((macroblocks, index) => {
    const slice = pcmIdrSlice(macroblocks, index % 2)
    return Buffer.concat([u32(slice.length), slice])
  })
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'ascii'))
  const configuration = avcConfiguration(sps, pps)
  const sizes = samples.map((sample) => sample.length)
  const width = WIDTH_MBS * 16
  const height = HEIGHT_MBS * 16
  const moovLength = movie(width, height, sizes, 0, configuration).length
  const moov = movie(width, height, sizes, ftyp.length + moovLength + 8, configuration)
  return Buffer.concat([ftyp, moov, box('mdat', ...samples)])
}
