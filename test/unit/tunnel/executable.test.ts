import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { childEnvironment, findExecutable } from '../../../src/main/core/tunnel'
import { tempDir } from '../../support/temp'

function program(dir: string, name: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  writeFileSync(path, '#!/bin/sh\n')
  chmodSync(path, mode)
  return path
}

describe('finding the program to run', () => {
  it('looks only in PATH’s absolute directories, in order, for an executable file', () => {
    const root = tempDir()
    const first = join(root, 'first')
    const second = join(root, 'second')
    program(first, 'cloudflared', 0o644)
    mkdirSync(join(root, 'dir-named', 'cloudflared'), { recursive: true })
    const wanted = program(second, 'cloudflared')
    program(join(root, 'relative'), 'cloudflared')
    const PATH = ['', '.', 'relative', join(root, 'dir-named'), first, second].join(':')
    expect(findExecutable('cloudflared', { PATH }, 'linux')).toBe(wanted)
    expect(findExecutable('cloudflared', { PATH: ':.:relative' }, 'linux')).toBeNull()
    expect(findExecutable('cloudflared', {}, 'linux')).toBeNull()
  })

  it('takes a path the operator gave as it is', () => {
    const root = tempDir()
    const given = program(root, 'cloudflared-2026')
    expect(findExecutable(given, { PATH: '' }, 'linux')).toBe(given)
    expect(findExecutable(join(root, 'missing'), { PATH: root }, 'linux')).toBeNull()
  })

  it('on Windows, tries PATHEXT’s extensions in Path’s directories and never the current directory', () => {
    const root = tempDir()
    const bin = join(root, 'bin')
    const exe = program(bin, 'cloudflared.exe')
    program(root, 'cloudflared.exe')
    const env = { Path: `.;;relative;${bin}`, PathExt: '.COM;.EXE;.BAT' }
    expect(findExecutable('cloudflared', env, 'win32')).toBe(exe)
    expect(findExecutable('cloudflared.exe', env, 'win32')).toBe(exe)
    const cmd = program(bin, 'tool.cmd')
    expect(findExecutable('tool', { Path: bin }, 'win32')).toBe(cmd)
    expect(findExecutable('tool', { Path: bin, PATHEXT: '.EXE' }, 'win32')).toBeNull()
  })
})

describe('the environment a tunnel program gets', () => {
  it('keeps PATH, home, temp, the system root and proxies, in any case, and nothing else', () => {
    const env = {
      Path: 'C:\\Windows',
      SystemRoot: 'C:\\Windows',
      USERPROFILE: 'C:\\Users\\op',
      HOME: '/home/op',
      TEMP: 't',
      TMP: 't',
      TMPDIR: 't',
      http_proxy: 'http://p:3128',
      HTTPS_PROXY: 'http://p:3128',
      ALL_PROXY: 'socks5://p',
      no_proxy: 'localhost',
      WHATSAPP_TOKEN: 'EAAG…',
      NGROK_AUTHTOKEN: '2abc',
      TUNNEL_TOKEN: 'x',
      npm_config_registry: 'x',
      ELECTRON_RUN_AS_NODE: '1',
    }
    expect(Object.keys(childEnvironment(env)).sort()).toEqual(
      ['ALL_PROXY', 'HOME', 'HTTPS_PROXY', 'Path', 'SystemRoot', 'TEMP', 'TMP', 'TMPDIR', 'USERPROFILE', 'http_proxy', 'no_proxy'].sort(),
    )
  })
})
