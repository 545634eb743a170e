import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { delimiter, join } from 'node:path'
import type { TunnelStatus } from '@shared/contract'
import type { Core } from '../../../src/main/core'
import type { ProviderSnapshot, TunnelProvider } from '../../../src/main/core/tunnel'
import { projectRoot } from '../../support/serve'
import { tempDir } from '../../support/temp'

/** Resolves with the first snapshot (current or later) that matches; rejects after `timeoutMs` (a guard, not a wait). */
export function providerState(provider: TunnelProvider, predicate: (snapshot: ProviderSnapshot) => boolean, timeoutMs = 10_000): Promise<ProviderSnapshot> {
  return new Promise((resolve, reject) => {
    const check = (snapshot: ProviderSnapshot) => {
      if (!predicate(snapshot)) return
      off()
      clearTimeout(timer)
      resolve(snapshot)
    }
    const off = provider.onChange(check)
    const timer = setTimeout(() => {
      off()
      reject(new Error(`the provider never got there; it is ${JSON.stringify(provider.snapshot(), null, 2)}`))
    }, timeoutMs)
    check(provider.snapshot())
  })
}

/** Like `providerState`, for the core's `tunnel.changed` events. */
export function tunnelState(core: Core, predicate: (status: TunnelStatus) => boolean, timeoutMs = 10_000): Promise<TunnelStatus> {
  return new Promise((resolve, reject) => {
    const check = (status: TunnelStatus) => {
      if (!predicate(status)) return
      off()
      clearTimeout(timer)
      resolve(status)
    }
    const off = core.events.on('tunnel.changed', check)
    const timer = setTimeout(() => {
      off()
      reject(new Error(`the tunnel never got there; it is ${JSON.stringify(core.tunnel.status(), null, 2)}`))
    }, timeoutMs)
    check(core.tunnel.status())
  })
}

export interface FakeCloudflared {
  /** A directory holding `cloudflared` (the stand-in) and nothing else. */
  binDir: string
  binary: string
  /** PATH with the stand-in first. */
  env(mode?: 'ok' | 'metrics-only' | 'die-first' | 'fail' | 'hang'): NodeJS.ProcessEnv
  /** Every start of the stand-in so far: its pid and arguments. */
  runs(): { pid: number; args: string[] }[]
}

/** The stand-in copied to a temp dir as `cloudflared`, so it is found on PATH like the real one. */
export function installFakeCloudflared(): FakeCloudflared {
  const binDir = join(tempDir('switchboard-cloudflared-'), 'bin')
  const recordDir = tempDir('switchboard-cloudflared-runs-')
  mkdirSync(binDir)
  const binary = join(binDir, 'cloudflared')
  copyFileSync(join(projectRoot, 'test', 'fixtures', 'tunnel', 'fake-cloudflared.mjs'), binary)
  chmodSync(binary, 0o755)
  const runsFile = join(recordDir, 'runs.jsonl')
  return {
    binDir,
    binary,
    env: (mode = 'ok') => ({ ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`, FAKE_CLOUDFLARED_MODE: mode, FAKE_CLOUDFLARED_RECORD: recordDir }),
    runs: () =>
      existsSync(runsFile)
        ? readFileSync(runsFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as { pid: number; args: string[] })
        : [],
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A port on 127.0.0.1 that was free a moment ago (for a child process that must be told its port up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}
