import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper'
import { Arch } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packagedTrayIconDir } from '../../../src/main/tray'
import { electronDefaultFuses, packLinuxDir, projectRoot, type PackedApp } from './packaging-support'

/** Source maps that may ship (none today: the build emits none and the config drops every .map). */
const sourceMapAllowList: RegExp[] = []

const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>
}
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }

/** `node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c`, the package's key in package-lock.json. */
function packageOf(file: string): string | null {
  return /^node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*/.exec(file)?.[0] ?? null
}

describe('what the installers pack (electron-builder run with this config, Linux unpacked directory)', () => {
  let app: PackedApp

  beforeAll(async () => {
    app = await packLinuxDir()
  }, 120_000)
  afterAll(() => app?.remove())

  it('packs the build (out/ but not out/bench) and package.json, and nothing else of this repository', () => {
    const own = app.asarFiles.filter((file) => !file.startsWith('node_modules/'))
    expect(own).toContain('package.json')
    expect(own).toContain('out/main/index.js')
    expect(own).toContain('out/preload/index.cjs')
    expect(own).toContain('out/renderer/index.html')
    expect(own.filter((file) => file !== 'package.json' && !/^out\/(main|preload|renderer)\//.test(file))).toEqual([])
  })

  it('packs no tests, no .env, no source outside the allow-list, nothing from test/, bench/, docs/, src/ or scripts/', () => {
    const problems = app.asarFiles.filter(
      (file) =>
        /^(test|bench|docs|src|scripts|resources|build|security|\.github|\.ci)\//.test(file) ||
        file.startsWith('out/bench/') ||
        /(^|\/)(__tests__|__mocks__)\//.test(file) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
        /(^|\/)\.env(\.[^/]*)?$/.test(file) ||
        (file.endsWith('.map') && !sourceMapAllowList.some((allowed) => allowed.test(file))) ||
        (!file.startsWith('node_modules/') && /\.tsx?$/.test(file)),
    )
    expect(problems).toEqual([])
  })

  it('packs the production dependencies and none of the development ones', () => {
    const packages = new Set(app.asarFiles.map(packageOf).filter((name): name is string => name !== null))
    for (const name of Object.keys(manifest.dependencies)) expect(packages, name).toContain(`node_modules/${name}`)
    const notProduction = [...packages].filter((key) => {
      const entry = lock.packages[key]
      return entry === undefined || entry.dev === true || entry.devOptional === true
    })
    expect(notProduction).toEqual([])
    for (const name of ['electron', 'electron-builder', 'vitest', '@resvg/resvg-js']) expect(packages).not.toContain(`node_modules/${name}`)
    expect(Object.keys(manifest.devDependencies)).toContain('electron')
  })

  it('unpacks the keychain module’s .node file (only the one the packaging step builds), and every other .node file, beside app.asar', () => {
    const nativeFiles = app.asarFiles.filter((file) => file.endsWith('.node'))
    expect(nativeFiles).toContain('node_modules/@github/keytar/build/Release/keytar.node')
    expect(nativeFiles.filter((file) => file.includes('/keytar/prebuilds/'))).toEqual([])
    expect(app.unpacked).toEqual(expect.arrayContaining(nativeFiles))
    for (const file of nativeFiles) expect(existsSync(join(app.appOutDir, 'resources', 'app.asar.unpacked', file)), file).toBe(true)
    expect(app.unpacked.filter((file) => file.startsWith('out/'))).toEqual([])
  })

  it('flips the fuses in the packaged Electron binary, and leaves the others as Electron ships them', async () => {
    const wire = await getCurrentFuseWire(join(app.appOutDir, 'switchboard'))
    const state = (fuse: FuseV1Options) => wire[fuse]
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE)
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE)
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE)
    for (const untouched of [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, FuseV1Options.GrantFileProtocolExtraPrivileges, FuseV1Options.WasmTrapHandlers]) {
      expect(state(untouched)).toBe(electronDefaultFuses[untouched])
    }
  })

  it('puts the tray icons where the packaged app looks for them', () => {
    const dir = packagedTrayIconDir(join(app.appOutDir, 'resources'))
    expect(existsSync(join(dir, 'icon.png'))).toBe(true)
    expect(existsSync(join(dir, 'icon@2x.png'))).toBe(true)
  })

  it('names the Linux installers as the release workflow and docs/release.md expect', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }
    const config = app.packager.config
    expect(app.packager.expandArtifactNamePattern(config.appImage, 'AppImage', Arch.x64)).toBe(`Switchboard-${version}-x86_64.AppImage`)
    expect(app.packager.expandArtifactNamePattern(config.deb, 'deb', Arch.x64)).toBe(`Switchboard-${version}-linux-amd64.deb`)
  })

  it('describes a menu entry (switchboard.desktop) that launches the installed app and matches its windows', async () => {
    const helper = new LinuxTargetHelper(app.packager)
    expect(helper.getDesktopFileName()).toBe('switchboard')
    const entry = Object.fromEntries(
      (await helper.computeDesktopEntry(app.packager.platformSpecificBuildOptions))
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    )
    expect(entry).toMatchObject({
      Name: 'Switchboard',
      Exec: '/opt/Switchboard/switchboard %U',
      Icon: 'switchboard',
      Type: 'Application',
      Terminal: 'false',
      StartupWMClass: 'switchboard',
      Categories: 'Development;',
    })
    expect(entry.Comment).toMatch(/WhatsApp Business Cloud API/)
  })
})
