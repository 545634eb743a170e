import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where a running sandbox can be found by other Switchboard processes on the same data dir (the
 * CLI's `send` and `sandbox env`): its URL and the owning process id. No secrets in it.
 */
const FILE = ['sandbox', 'endpoint.json'] as const

export function writeEndpoint(dataDir: string, url: string): void {
  mkdirSync(join(dataDir, FILE[0]), { recursive: true, mode: 0o700 })
  writeFileSync(join(dataDir, ...FILE), JSON.stringify({ url, pid: process.pid }) + '\n', { mode: 0o600 })
}

export function clearEndpoint(dataDir: string): void {
  try {
    const current = JSON.parse(readFileSync(join(dataDir, ...FILE), 'utf8')) as { pid?: number }
    if (current.pid === process.pid) rmSync(join(dataDir, ...FILE), { force: true })
  } catch {
    // Nothing to clear.
  }
}

/** The URL of a sandbox run by a live process on this data dir, or null. */
export function findEndpoint(dataDir: string): string | null {
  try {
    const { url, pid } = JSON.parse(readFileSync(join(dataDir, ...FILE), 'utf8')) as { url?: unknown; pid?: unknown }
    if (typeof url !== 'string' || typeof pid !== 'number') return null
    process.kill(pid, 0)
    return url
  } catch {
    return null
  }
}
