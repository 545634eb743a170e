import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { SandboxState, StoredState } from './types'

/**
 * `<dataDir>/sandbox/state.json`, written atomically (temp file, fsync, rename) so a crash mid-write
 * leaves the previous state, never half of one.
 */
export class StateFile {
  readonly path: string
  private readonly dir: string

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'sandbox')
    this.path = join(this.dir, 'state.json')
  }

  /** The saved state (of any known version), `null` when there is none yet, or `{corrupt}` when the file cannot be used. */
  load(): StoredState | null | { corrupt: string } {
    if (!existsSync(this.path)) return null
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<StoredState>
      if ((parsed.version !== 1 && parsed.version !== 2) || typeof parsed.app?.id !== 'string' || !Array.isArray(parsed.phoneNumbers)) {
        return { corrupt: 'unknown state format' }
      }
      return parsed as StoredState
    } catch (error) {
      return { corrupt: error instanceof Error ? error.message : String(error) }
    }
  }

  /** Moves an unusable state file aside so a fresh sandbox can start without destroying evidence. */
  quarantine(nowMs: number): string {
    const aside = `${this.path}.corrupt-${nowMs}`
    renameSync(this.path, aside)
    return aside
  }

  save(state: SandboxState): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const temp = `${this.path}.${process.pid}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, JSON.stringify(state, null, 2))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, this.path)
  }
}
