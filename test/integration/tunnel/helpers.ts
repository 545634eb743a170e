import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { delimiter, join } from 'node:path'
import type { TunnelStatus } from '@shared/contract'
import type { CoreServices } from '../../../src/main/core'
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
export function tunnelState(core: CoreServices, predicate: (status: TunnelStatus) => boolean, timeoutMs = 10_000): Promise<TunnelStatus> {
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
  /** A directory holding `cloudflared` (the stand-in) and its settings file. */
  binDir: string
  binary: string
  /**
   * Sets how the stand-in behaves (in a file beside it: it gets no variables of ours) and returns
   * this process's environment with the stand-in's directory first on PATH.
   */
  env(mode?: 'ok' | 'metrics-only' | 'die-first' | 'fail' | 'hang'): NodeJS.ProcessEnv
  /** Every start of the stand-in so far: its pid, arguments and the environment it was given. */
  runs(): FakeRun[]
}

export interface FakeRun {
  pid: number
  args: string[]
  env: Record<string, string>
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
    env: (mode = 'ok') => {
      writeFileSync(join(binDir, 'fake-cloudflared.json'), JSON.stringify({ mode, recordDir }))
      return { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` }
    },
    runs: () =>
      existsSync(runsFile)
        ? readFileSync(runsFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as FakeRun)
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
