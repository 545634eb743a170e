import { randomBytes } from 'node:crypto'
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Replaces `path` with `content` as one step: a new file beside it (`.<name>.switchboard-<random>.tmp`,
 * which the usual `.env*` and `*.tmp` ignore rules cover), created 0600 and exclusively (never
 * through a link someone placed there), written, flushed, given the old file's owner, group and
 * mode, then renamed over it. Whatever fails on the way, the new file is removed: no copy of the
 * token is left behind.
 */
export function atomicReplace(path: string, content: string, previous: Stats): void {
  const temp = join(dirname(path), `.${basename(path)}.switchboard-${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', 0o600)
  let open = true
  try {
    writeSync(fd, content)
    fsyncSync(fd)
    keepOwner(fd, previous)
    // After chown, which may clear set-id bits.
    fchmodSync(fd, previous.mode & 0o7777)
    closeSync(fd)
    open = false
    renameSync(temp, path)
  } catch (error) {
    if (open) closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
}

/** Root may give the file back to its owner; a user may keep a group they belong to. Anything else is refused. */
function keepOwner(fd: number, previous: Stats): void {
  if (process.platform === 'win32') return
  const created = fstatSync(fd)
  if (created.uid === previous.uid && created.gid === previous.gid) return
  try {
    fchownSync(fd, previous.uid, previous.gid)
  } catch (error) {
    throw new Error(`the file's owner and group (uid ${previous.uid}, gid ${previous.gid}) could not be kept: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error })
  }
}
