import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { CONTROL_KEY_HEADER } from '../sandbox'

/**
 * Where a running sandbox can be found by other Switchboard processes on the same data dir (the
 * CLI's `send` and `sandbox env`): its URL, the owning process id and this run's control key. The
 * key makes it a secret: the file is created 0600 (in the 0700 `sandbox` folder), replaced
 * atomically, and trusted only when it belongs to the user reading it.
 */
const FOLDER = 'sandbox'
const FILE = 'endpoint.json'

interface Endpoint {
  url: string
  pid: number
  controlKey: string
}

export function writeEndpoint(dataDir: string, url: string, controlKey: string): void {
  const folder = join(dataDir, FOLDER)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  // A fresh file, so a file left with wider permissions (or a link planted in its place) is replaced, never reused.
  const temp = join(folder, `.${FILE}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', 0o600)
  try {
    writeSync(fd, JSON.stringify({ url, pid: process.pid, controlKey } satisfies Endpoint) + '\n')
    fsyncSync(fd)
    closeSync(fd)
    renameSync(temp, join(folder, FILE))
  } catch (error) {
    try {
      closeSync(fd)
    } catch {
      // Already closed.
    }
    rmSync(temp, { force: true })
    throw error
  }
}

export function clearEndpoint(dataDir: string): void {
  if (readEndpoint(dataDir)?.pid === process.pid) rmSync(join(dataDir, FOLDER, FILE), { force: true })
}

/** The URL of a sandbox run by a live process on this data dir, or null. */
export function findEndpoint(dataDir: string): string | null {
  return readEndpoint(dataDir)?.url ?? null
}

/** How to reach the running sandbox's `/_sandbox/…` controls from another process: its URL and the headers to send. */
export function findControlEndpoint(dataDir: string): { url: string; headers: Record<string, string> } | null {
  const endpoint = readEndpoint(dataDir)
  return endpoint ? { url: endpoint.url, headers: { [CONTROL_KEY_HEADER]: endpoint.controlKey } } : null
}

function readEndpoint(dataDir: string): Endpoint | null {
  const path = join(dataDir, FOLDER, FILE)
  try {
    const stat = lstatSync(path)
    if (!stat.isFile() || (process.getuid !== undefined && stat.uid !== process.getuid())) return null
    const { url, pid, controlKey } = JSON.parse(readFileSync(path, 'utf8')) as Partial<Record<keyof Endpoint, unknown>>
    if (typeof url !== 'string' || typeof pid !== 'number' || typeof controlKey !== 'string') return null
    process.kill(pid, 0)
    return { url, pid, controlKey }
  } catch {
    return null
  }
}
