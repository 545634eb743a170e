import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'

const PARTIAL_PREFIX = '.partial-'

/**
 * The data dir's `media/` folder: each file named by its SHA-256 (hex) under a two-letter
 * subfolder, 0600 in 0700 folders. A download streams into a `.partial-*` file beside them and is
 * renamed into place only once its hash is checked.
 */
export class MediaFiles {
  readonly dir: string

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'media')
  }

  /** Creates the folder (or tightens it) and removes downloads an earlier run left half-done. */
  prepare(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    chmodSync(this.dir, 0o700)
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(PARTIAL_PREFIX)) rmSync(join(this.dir, name), { force: true })
    }
  }

  /** A fresh path for a download in progress. */
  partialPath(): string {
    return join(this.dir, `${PARTIAL_PREFIX}${randomBytes(12).toString('hex')}`)
  }

  pathOf(content: string): string {
    if (!/^[0-9a-f]{64}$/.test(content)) throw new Error(`not a SHA-256 in hex: ${content}`)
    return join(this.dir, content.slice(0, 2), content)
  }

  has(content: string): boolean {
    return existsSync(this.pathOf(content))
  }

  sizeOf(content: string): number | null {
    try {
      return statSync(this.pathOf(content)).size
    } catch {
      return null
    }
  }

  /**
   * Moves a checked download into place; the same content already there is kept and the copy
   * dropped. Its bytes reach the disk in the background: a file a power cut left short is found
   * by its size when it is next served, and fetched again.
   */
  adopt(partial: string, content: string, onSyncFailure: (error: Error) => void): void {
    const target = this.pathOf(content)
    if (existsSync(target)) {
      rmSync(partial, { force: true })
      return
    }
    mkdirSync(join(this.dir, content.slice(0, 2)), { recursive: true, mode: 0o700 })
    renameSync(partial, target)
    void syncToDisk(target).catch(onSyncFailure)
  }

  remove(content: string): void {
    rmSync(this.pathOf(content), { force: true })
  }
}

async function syncToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
