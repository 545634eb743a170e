import { closeSync, openSync, readSync } from 'node:fs'

/**
 * Whether a WebP file is animated: an extended-format file (first chunk `VP8X`) with the
 * animation flag (bit 1 of its flags byte) set. Reads only the first 21 bytes.
 */
export function isAnimatedWebp(path: string): boolean {
  const head = Buffer.alloc(21)
  const fd = openSync(path, 'r')
  try {
    if (readSync(fd, head, 0, head.length, 0) < head.length) return false
  } finally {
    closeSync(fd)
  }
  const ascii = (start: number, end: number) => head.toString('ascii', start, end)
  return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP' && ascii(12, 16) === 'VP8X' && ((head[20] as number) & 0x02) !== 0
}
