import { spawnSync } from 'node:child_process'
import { readFileSync, type Stats } from 'node:fs'
import { join } from 'node:path'
import { FileMatcher } from 'app-builder-lib/out/fileMatcher'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp'
import { loadBuilderConfig, loadIconsScript, projectRoot, type BuilderConfigModule } from './packaging-support'

const CONFIG_FILE = 'electron-builder.config.mjs'
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1]

/** Exactly what electron-builder's command line does with `--config electron-builder.config.mjs`: load, merge with package.json, validate. */
async function loadAndValidate(configFromOptions: Configuration | null = null): Promise<Configuration> {
  const config = await getConfig(projectRoot, CONFIG_FILE, configFromOptions)
  await validateConfiguration(config, quietLogger)
  return config
}

describe('electron-builder.config.mjs', () => {
  let module: BuilderConfigModule
  let config: Configuration
  beforeAll(async () => {
    module = await loadBuilderConfig()
    config = module.default
  })

  it('loads the way `npm run dist` loads it, and passes electron-builder’s own schema', async () => {
    const loaded = await loadAndValidate()
    expect(loaded.appId).toBe(config.appId)
    // The validator is real: a misspelt section is refused.
    await expect(loadAndValidate({ lnux: { target: 'deb' } } as Configuration)).rejects.toThrow(/lnux/)
  })

  it('names the app and builds an AppImage and a .deb, a universal dmg and an NSIS installer', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(config.productName).toBe('Switchboard')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.linux?.category).toBe('Development')
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['universal'] }])
    expect(config.mac?.category).toBe('public.app-category.developer-tools')
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' })
    expect(config.publish).toBeNull()
  })

  it('takes every icon from what scripts/icons.mjs generates', async () => {
    const icons = await loadIconsScript()
    const outDir = tempDir()
    const generated = icons.writeIcons({ outDir })
    const asGenerated = (path: string | undefined) => path?.replace(/^build\/icons\//, '')
    expect(icons.iconsDir).toBe(join(projectRoot, 'build', 'icons'))
    expect(generated.filter((file) => file.startsWith(`${asGenerated(config.linux?.icon)}/`)).length).toBe(icons.linuxSizes.length)
    expect(generated).toContain(asGenerated(config.mac?.icon ?? undefined))
    expect(generated).toContain(asGenerated(config.win?.icon ?? undefined))
    const trayDirs = [config.linux, config.mac, config.win].map((platform) => {
      const [resource] = platform?.extraResources as { from: string; to: string }[]
      expect(resource?.to).toBe('icons')
      return asGenerated(resource?.from)
    })
    expect(trayDirs).toEqual(['tray', 'tray-menubar', 'tray'])
    for (const dir of trayDirs) expect(generated).toEqual(expect.arrayContaining([`${dir}/icon.png`, `${dir}/icon@2x.png`]))
  })

  it('holds the fuse list: no running as Node, no NODE_OPTIONS, no inspector; asar integrity, app only from asar, encrypted cookies', () => {
    expect(module.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
    expect(config.electronFuses).toBe(module.electronFuses)
  })

  it('packs into app.asar, rebuilds native modules for Electron and unpacks their .node files', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(true)
    expect(config.asarUnpack).toEqual(['**/*.node'])
  })

  it('keeps out of the package, by electron-builder’s own matcher: the benchmark build, source maps, .env files, everything but out/ and package.json', () => {
    const matcher = new FileMatcher(projectRoot, '/app', (pattern) => pattern, config.files as string[])
    const filter = matcher.createFilter()
    const stat = (directory: boolean) => ({ isDirectory: () => directory, isFile: () => !directory }) as Stats
    const packs = (path: string, directory = false) => filter(join(projectRoot, path), stat(directory))
    expect(packs('package.json')).toBe(true)
    expect(packs('out', true)).toBe(true)
    expect(packs('out/main/index.js')).toBe(true)
    expect(packs('out/renderer/assets/index-abc.js')).toBe(true)
    expect(packs('out/bench', true)).toBe(false)
    expect(packs('out/bench/app/main/index.js')).toBe(false)
    expect(packs('out/main/index.js.map')).toBe(false)
    expect(packs('out/.env')).toBe(false)
    expect(packs('out/.env.production')).toBe(false)
    for (const path of ['src', 'test', 'bench', 'docs', 'scripts', 'resources', 'build']) expect(packs(path, true), path).toBe(false)
    // Dependencies are copied by another walk with the same patterns: package-contents.test.ts holds what it packs.
  })

  it('is what `npm run dist` runs, after the build and the icons; its output and the icons are ignored by git', () => {
    const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    expect(scripts.dist).toBe(`npm run build && npm run icons && electron-builder --config ${CONFIG_FILE}`)
    expect(scripts.icons).toBe('node scripts/icons.mjs')
    const ignored = spawnSync('git', ['check-ignore', '--no-index', 'dist/Switchboard-0.1.0-x86_64.AppImage', 'build/icons/icon.ico'], { cwd: projectRoot, encoding: 'utf8' })
    expect(ignored.stdout.trim().split('\n')).toEqual(['dist/Switchboard-0.1.0-x86_64.AppImage', 'build/icons/icon.ico'])
  })
})
