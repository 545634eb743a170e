import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp'
import { loadIconsScript, type IconsScript } from './packaging-support'

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** A PNG's pixels (RGBA, premultiplied as resvg gives them), decoded by drawing it with resvg. */
function decodePng(png: Buffer): Buffer {
  const { width, height } = pngSize(png)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`
  return new Resvg(svg).render().pixels
}

describe('icons from resources/icon.svg (scripts/icons.mjs)', () => {
  let icons: IconsScript
  let outDir: string
  let written: string[]
  const read = (file: string) => readFileSync(join(outDir, file))

  beforeAll(async () => {
    icons = await loadIconsScript()
    outDir = tempDir()
    written = icons.writeIcons({ outDir })
  })

  it('writes every file the Linux, macOS and Windows targets and the packaged tray use', () => {
    expect(written).toEqual(
      [
        ...[16, 24, 32, 48, 64, 128, 256, 512].map((size) => `png/${size}x${size}.png`),
        'icon.icns',
        'icon.ico',
        'tray/icon.png',
        'tray/icon@2x.png',
        'tray-menubar/icon.png',
        'tray-menubar/icon@2x.png',
      ].sort(),
    )
  })

  it('renders each Linux PNG at the size in its name, from the SVG (a corner outside the rounded square is clear, the centre is drawn)', () => {
    for (const size of icons.linuxSizes) {
      const png = read(`png/${size}x${size}.png`)
      expect(pngSize(png)).toEqual({ width: size, height: size })
      const pixels = decodePng(png)
      expect(pixels[3], `${size} px corner`).toBe(0)
      const centre = ((size >> 1) * size + (size >> 1)) * 4
      expect(pixels[centre + 3], `${size} px centre`).toBe(255)
    }
  })

  it('packs an ICNS with one PNG entry per iconset size, 16 to 1024 px, and lengths that add up', () => {
    const file = read('icon.icns')
    expect(file.toString('latin1', 0, 4)).toBe('icns')
    expect(file.readUInt32BE(4)).toBe(file.length)
    const entries: { type: string; size: number }[] = []
    for (let offset = 8; offset < file.length; ) {
      const type = file.toString('latin1', offset, offset + 4)
      const length = file.readUInt32BE(offset + 4)
      expect(length).toBeGreaterThan(8)
      const { width, height } = pngSize(file.subarray(offset + 8, offset + length))
      expect(width).toBe(height)
      entries.push({ type, size: width })
      offset += length
    }
    expect(entries).toEqual([
      { type: 'icp4', size: 16 },
      { type: 'ic11', size: 32 },
      { type: 'icp5', size: 32 },
      { type: 'ic12', size: 64 },
      { type: 'ic07', size: 128 },
      { type: 'ic13', size: 256 },
      { type: 'ic08', size: 256 },
      { type: 'ic14', size: 512 },
      { type: 'ic09', size: 512 },
      { type: 'ic10', size: 1024 },
    ])
  })

  it('packs an ICO with 32-bit BMP images up to 128 px and a PNG at 256 px, each where its directory entry points', () => {
    const file = read('icon.ico')
    const svg = readFileSync(icons.iconSource)
    expect([file.readUInt16LE(0), file.readUInt16LE(2), file.readUInt16LE(4)]).toEqual([0, 1, icons.icoSizes.length])
    let end = 6 + 16 * icons.icoSizes.length
    icons.icoSizes.forEach((size, index) => {
      const entry = 6 + 16 * index
      expect(file.readUInt8(entry) || 256).toBe(size)
      expect(file.readUInt8(entry + 1) || 256).toBe(size)
      expect(file.readUInt16LE(entry + 6)).toBe(32)
      const length = file.readUInt32LE(entry + 8)
      const offset = file.readUInt32LE(entry + 12)
      expect(offset).toBe(end)
      end = offset + length
      const image = file.subarray(offset, offset + length)
      if (size === 256) {
        expect(pngSize(image)).toEqual({ width: 256, height: 256 })
        return
      }
      // BITMAPINFOHEADER: 40 bytes, width, doubled height (XOR image + AND mask), 1 plane, 32 bpp, uncompressed.
      expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(12), image.readUInt16LE(14), image.readUInt32LE(16)]).toEqual([
        40,
        size,
        size * 2,
        1,
        32,
        0,
      ])
      expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size)
      // Rows are bottom-up BGRA with straight alpha: the same picture as the PNG of that size, pixel for pixel.
      const expected = decodePng(icons.render(svg, size).png)
      let worst = 0
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const bmp = 40 + ((size - 1 - y) * size + x) * 4
          const rgba = (y * size + x) * 4
          const alpha = image[bmp + 3]!
          const premultiplied = [2, 1, 0].map((channel) => Math.round((image[bmp + channel]! * alpha) / 255))
          for (const [index, value] of [...premultiplied, alpha].entries()) worst = Math.max(worst, Math.abs(value - expected[rgba + index]!))
        }
      }
      expect(worst, `${size} px`).toBeLessThanOrEqual(1)
    })
    expect(end).toBe(file.length)
  })

  it('gives the packaged tray 32 px (@2x 64) on Linux and Windows and 16 pt (@2x 32) in the macOS menu bar', () => {
    expect(pngSize(read('tray/icon.png')).width).toBe(32)
    expect(pngSize(read('tray/icon@2x.png')).width).toBe(64)
    expect(pngSize(read('tray-menubar/icon.png')).width).toBe(16)
    expect(pngSize(read('tray-menubar/icon@2x.png')).width).toBe(32)
  })

  it('keeps the committed development tray icon (resources/icon.png) a rendering of the same SVG', () => {
    const committed = readFileSync(icons.devTrayIcon)
    expect(pngSize(committed)).toEqual({ width: icons.devTraySize, height: icons.devTraySize })
    const rendered = icons.render(readFileSync(icons.iconSource), icons.devTraySize).pixels
    const decoded = decodePng(committed)
    const worst = decoded.reduce((max, value, index) => Math.max(max, Math.abs(value - rendered[index]!)), 0)
    expect(worst, 'regenerate it with `node scripts/icons.mjs --dev-tray`').toBeLessThanOrEqual(1)
  })

  it('refuses an SVG that is not square rather than stretching it', () => {
    const wide = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>')
    expect(() => icons.render(wide, 16)).toThrow(/must be square/)
  })
})
