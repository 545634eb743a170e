import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs'
import { dirname } from 'node:path'
import { ownershipProblem } from './ownership'

export interface WriteTarget {
  /** The file itself, links resolved: the file that is replaced. */
  path: string
  stat: Stats
  content: string
}

/**
 * Opens the .env a refreshed token is written into (links resolved, the resolved file opened
 * without following a link) and decides whether it may be: a regular file that ownership.ts
 * accepts. Returns the reason it may not be written, or the target with its content.
 */
export function openWriteTarget(path: string): { refused: string } | WriteTarget {
  let real: string
  try {
    real = realpathSync(path)
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : `the file cannot be found (${(error as Error).message})` }
  }
  // No link may take the place of the resolved file between here and the read; a FIFO must not block.
  const fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { refused: 'it is not a regular file' }
    const user = process.getuid && process.getgid ? { uid: process.getuid(), gid: process.getgid() } : null
    const refused = user ? ownershipProblem(stat, statSync(dirname(real)), user) : null
    if (refused) return { refused }
    return { path: real, stat, content: readFileSync(fd, 'utf8') }
  } finally {
    closeSync(fd)
  }
}

