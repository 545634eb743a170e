// Renders the one icon source, resources/icon.svg, into every icon the installers need. Run by
// `npm run dist` before electron-builder; the output, build/icons/, is generated and not committed:
//
//   png/NxN.png         Linux: the .deb's and the AppImage's icon theme sizes, named by size as electron-builder expects
//   icon.icns           macOS: the app bundle and the dmg (PNG entries, 16 to 1024 px)
//   icon.ico            Windows: the .exe and the NSIS installer (BMP entries up to 128 px, PNG at 256 px)
//   tray/icon.png       the packaged app's tray on Linux and Windows: 32 px, and @2x for high-density screens
//   tray-menubar/…      the same for the macOS menu bar: 16 pt, and @2x
//
// `node scripts/icons.mjs --dev-tray` rewrites resources/icon.png, the tray icon of a development run
// (64 px), from the same source.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const iconSource = join(root, 'resources', 'icon.svg')
export const iconsDir = join(root, 'build', 'icons')
export const devTrayIcon = join(root, 'resources', 'icon.png')

export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512]
export const icoSizes = [16, 24, 32, 48, 64, 128, 256]
/** ICNS entry types and their pixel sizes (an iconset's 16, 32, 128, 256 and 512 pt, each at 1x and 2x). */
export const icnsEntries = [
  ['icp4', 16],
  ['ic11', 32],
  ['icp5', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
]
/** Tray images: file name → size in px (Electron picks the @2x file on high-density screens). */
export const trayImages = {
  tray: { 'icon.png': 32, 'icon@2x.png': 64 },
  'tray-menubar': { 'icon.png': 16, 'icon@2x.png': 32 },
}
export const devTraySize = 64

/** The SVG at `size` × `size` px: its PNG, and its pixels as RGBA with premultiplied alpha (resvg's own). */
export function render(svg, size) {
  // No text in the icon: system fonts are not needed, and not loading them keeps the output the same on every machine.
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render()
  if (image.width !== size || image.height !== size) throw new Error(`resources/icon.svg must be square: it rendered at ${image.width}×${image.height}`)
  return { size, png: image.asPng(), pixels: image.pixels }
}

/** Apple's icon container: 'icns', the file length, then (type, length, PNG) entries; lengths big-endian and inclusive of their headers. */
export function icns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const header = Buffer.alloc(8)
    header.write(type, 0, 'latin1')
    header.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([header, png])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'latin1')
  header.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4)
  return Buffer.concat([header, ...chunks])
}

/**
 * A Windows icon: ICONDIR, one ICONDIRENTRY per image, then the images — BMP (a DIB of straight-alpha
 * BGRA rows bottom-up, height doubled for the AND mask) below 256 px, which every Windows tool reads,
 * and PNG at 256 px. Little-endian throughout.
 */
export function ico(renders) {
  const images = renders.map((image) => (image.size >= 256 ? image.png : dib(image)))
  const directory = Buffer.alloc(6 + 16 * renders.length)
  directory.writeUInt16LE(0, 0)
  directory.writeUInt16LE(1, 2)
  directory.writeUInt16LE(renders.length, 4)
  let offset = directory.length
  renders.forEach((image, index) => {
    const entry = 6 + 16 * index
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, entry)
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, entry + 1)
    directory.writeUInt8(0, entry + 2) // no palette
    directory.writeUInt8(0, entry + 3)
    directory.writeUInt16LE(1, entry + 4) // colour planes
    directory.writeUInt16LE(32, entry + 6) // bits per pixel
    directory.writeUInt32LE(images[index].length, entry + 8)
    directory.writeUInt32LE(offset, entry + 12)
    offset += images[index].length
  })
  return Buffer.concat([directory, ...images])
}

function dib({ size, pixels }) {
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0) // BITMAPINFOHEADER
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // XOR image and AND mask
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  header.writeUInt32LE(0, 16) // BI_RGB
  const xor = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = ((size - 1 - y) * size + x) * 4
      const alpha = pixels[from + 3]
      const straight = (channel) => (alpha === 0 ? 0 : Math.min(255, Math.round((channel * 255) / alpha)))
      xor[to] = straight(pixels[from + 2])
      xor[to + 1] = straight(pixels[from + 1])
      xor[to + 2] = straight(pixels[from])
      xor[to + 3] = alpha
    }
  }
  // The AND mask is unused with 32-bit images (alpha decides); all zero, rows padded to 4 bytes.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size)
  return Buffer.concat([header, xor, mask])
}

/** Writes every icon into `outDir` (emptied first, so nothing stale is packed); returns the files written, relative to it. */
export function writeIcons({ svgFile = iconSource, outDir = iconsDir } = {}) {
  const svg = readFileSync(svgFile)
  const cache = new Map()
  const at = (size) => {
    if (!cache.has(size)) cache.set(size, render(svg, size))
    return cache.get(size)
  }
  const files = new Map()
  for (const size of linuxSizes) files.set(join('png', `${size}x${size}.png`), at(size).png)
  files.set('icon.icns', icns(icnsEntries.map(([type, size]) => ({ type, png: at(size).png }))))
  files.set('icon.ico', ico(icoSizes.map(at)))
  for (const [dir, images] of Object.entries(trayImages)) {
    for (const [name, size] of Object.entries(images)) files.set(join(dir, name), at(size).png)
  }

  rmSync(outDir, { recursive: true, force: true })
  for (const [file, bytes] of files) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true })
    writeFileSync(join(outDir, file), bytes)
  }
  return [...files.keys()].sort()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--dev-tray')) {
    writeFileSync(devTrayIcon, render(readFileSync(iconSource), devTraySize).png)
    console.log(`${relative(root, devTrayIcon)}: ${devTraySize} px from ${relative(root, iconSource)}`)
  } else {
    const files = writeIcons()
    console.log(`${relative(root, iconsDir)}: ${files.length} icons from ${relative(root, iconSource)}`)
  }
}
