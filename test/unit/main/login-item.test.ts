import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { autostartEntry, autostartFile, desktopLoginItem, type LoginItemHost } from '../../../src/main/login-item'
import { tempDir } from '../../support/temp'

function linuxHost(env: NodeJS.ProcessEnv = {}): LoginItemHost & { home: string } {
  const home = tempDir()
  return { platform: 'linux', env, execPath: '/opt/Switchboard/switchboard', homeDir: home, home, setLoginItemSettings: vi.fn() }
}

/** The Exec value as a launcher reads it: string escapes first, then the quoted argument's escapes. */
function execArgument(entry: string): string {
  const value = /^Exec=(.*)$/m.exec(entry)![1]!
  const unescaped = value.replace(/\\\\/g, '\\').replace(/%%/g, '%')
  expect(unescaped.startsWith('"') && unescaped.endsWith('"')).toBe(true)
  return unescaped.slice(1, -1).replace(/\\(["`$\\])/g, '$1')
}

describe('starting the installed app at login', () => {
  it('uses Electron’s login items on macOS and Windows', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const host = { ...linuxHost(), platform }
      const item = desktopLoginItem(host)
      item.apply(true)
      item.apply(false)
      expect(host.setLoginItemSettings).toHaveBeenNthCalledWith(1, { openAtLogin: true })
      expect(host.setLoginItemSettings).toHaveBeenNthCalledWith(2, { openAtLogin: false })
    }
  })

  it('on Linux writes an XDG autostart entry for the installed executable, and removes it', () => {
    const host = linuxHost()
    const file = join(host.home, '.config', 'autostart', 'switchboard.desktop')
    expect(autostartFile(host)).toBe(file)
    const item = desktopLoginItem(host)
    item.apply(true)
    const entry = readFileSync(file, 'utf8')
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Switchboard\n/)
    expect(execArgument(entry)).toBe('/opt/Switchboard/switchboard')
    expect(host.setLoginItemSettings).not.toHaveBeenCalled()
    item.apply(false)
    expect(existsSync(file)).toBe(false)
    item.apply(false)
    expect(existsSync(file)).toBe(false)
  })

  it('on Linux starts an AppImage through its own path, and honours XDG_CONFIG_HOME', () => {
    const config = tempDir()
    const host = linuxHost({ XDG_CONFIG_HOME: config, APPIMAGE: '/home/ops/Apps/Switchboard-0.1.0-x86_64.AppImage' })
    desktopLoginItem(host).apply(true)
    expect(execArgument(readFileSync(join(config, 'autostart', 'switchboard.desktop'), 'utf8'))).toBe('/home/ops/Apps/Switchboard-0.1.0-x86_64.AppImage')
  })

  it('quotes a path with spaces, quotes, dollars, backslashes and percent signs so it reads back unchanged', () => {
    const path = '/home/o p/"$HOME"/`x`/back\\slash/100%/Switchboard.AppImage'
    expect(execArgument(autostartEntry(path))).toBe(path)
    expect(() => autostartEntry('/tmp/a\nExec=/bin/evil')).toThrow(/cannot go into an autostart entry/)
  })

  it('throws when the autostart entry cannot be written, so the setting is not recorded as on', () => {
    const host = linuxHost()
    // A file where the autostart directory should be: refused for every user, root included.
    mkdirSync(join(host.home, '.config'))
    writeFileSync(join(host.home, '.config', 'autostart'), '')
    expect(() => desktopLoginItem(host).apply(true)).toThrow(/EEXIST|ENOTDIR/)
  })
})
