import { chmodSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { listPackage, statFile } from '@electron/asar'
import { FuseState, FuseV1Options } from '@electron/fuses'
import { Arch, build, Platform, type Configuration, type LinuxPackager } from 'electron-builder'
import { assertBuilt, projectRoot } from '../../support/serve'
import { tempDir } from '../../support/temp'

export { projectRoot }

/** What the tests use of scripts/icons.mjs (plain JavaScript, run by npm scripts; typed here). */
export interface IconsScript {
  iconSource: string
  iconsDir: string
  devTrayIcon: string
  devTraySize: number
  linuxSizes: number[]
  icoSizes: number[]
  render(svg: Buffer, size: number): { size: number; png: Buffer; pixels: Buffer }
  writeIcons(options?: { svgFile?: string; outDir?: string }): string[]
}

/** What electron-builder.config.mjs exports. */
export interface BuilderConfigModule {
  default: Configuration
  electronFuses: NonNullable<Configuration['electronFuses']>
  asarUnpack: string[]
}

const importScript = async (file: string): Promise<unknown> => import(pathToFileURL(join(projectRoot, file)).href)

export const loadIconsScript = async () => (await importScript('scripts/icons.mjs')) as IconsScript
export const loadBuilderConfig = async () => (await importScript('electron-builder.config.mjs')) as BuilderConfigModule

/**
 * A stand-in for Electron's Linux distribution: an "electron" executable that carries a fuse wire
 * as Electron 45's binary does (sentinel, version 1, nine fuses at Electron's defaults), so the
 * packaging step has something real to flip. Electron's own download is impossible here.
 */
export const electronDefaultFuses: Record<FuseV1Options, FuseState> = {
  [FuseV1Options.RunAsNode]: FuseState.ENABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.DISABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.DISABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.ENABLE,
  [FuseV1Options.WasmTrapHandlers]: FuseState.ENABLE,
}

function fakeElectronDist(): string {
  const dir = tempDir('switchboard-fake-electron-')
  const wire = Object.values(electronDefaultFuses).filter((state): state is FuseState => typeof state === 'number')
  const binary = join(dir, 'electron')
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length, ...wire])]))
  chmodSync(binary, 0o755)
  return dir
}

export interface PackedApp {
  /** linux-unpacked/: the directory the AppImage and the .deb are made from. */
  appOutDir: string
  /** Every file in app.asar, relative, with "/" separators. */
  asarFiles: string[]
  /** Files of app.asar that are unpacked beside it (app.asar.unpacked/). */
  unpacked: string[]
  /** electron-builder's Linux packager for this run, as the AppImage and .deb targets see it. */
  packager: LinuxPackager
  remove(): void
}

/**
 * Runs electron-builder with this repository's config for Linux's unpacked directory (what the
 * AppImage and the .deb are made from), the way `npm run dist` does, with three differences only:
 * Electron's distribution is the stand-in above, native modules are not rebuilt (that needs
 * Electron's headers from the network), and the output goes to a temporary directory.
 */
export async function packLinuxDir(): Promise<PackedApp> {
  assertBuilt()
  const { default: config } = await loadBuilderConfig()
  const icons = await loadIconsScript()
  icons.writeIcons()
  const electronDist = fakeElectronDist()
  const output = tempDir('switchboard-dist-')
  let packager: LinuxPackager | undefined
  await build({
    projectDir: projectRoot,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      npmRebuild: false,
      directories: { ...config.directories, output },
      afterPack: (context) => {
        packager = context.packager as LinuxPackager
      },
    },
  })
  if (!packager) throw new Error('electron-builder did not pack')
  const appOutDir = join(output, 'linux-unpacked')
  const archive = join(appOutDir, 'resources', 'app.asar')
  const asarFiles = listPackage(archive, { isPack: false })
    .map((file) => file.replaceAll('\\', '/').replace(/^\//, ''))
    .filter((file) => {
      const entry = statFile(archive, file, false)
      return !('files' in entry)
    })
  const unpacked = asarFiles.filter((file) => {
    const entry = statFile(archive, file, false)
    return 'unpacked' in entry && entry.unpacked === true
  })
  return {
    appOutDir,
    asarFiles,
    unpacked,
    packager,
    remove: () => {
      rmSync(output, { recursive: true, force: true })
      rmSync(electronDist, { recursive: true, force: true })
    },
  }
}
