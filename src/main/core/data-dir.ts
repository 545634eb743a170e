import { accessSync, chmodSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SwitchboardError } from '@shared/contract'

/** Only the user who runs Switchboard may list or open its data directory. */
export const DATA_DIR_MODE = 0o700

/**
 * Makes sure the data directory exists, can be written and is the user's alone (0700: repaired
 * when it is looser, e.g. created by hand with the default umask), or says exactly why not.
 */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE })
    if (process.platform !== 'win32' && (statSync(dataDir).mode & 0o777) !== DATA_DIR_MODE) chmodSync(dataDir, DATA_DIR_MODE)
    accessSync(dataDir, constants.W_OK)
    const probe = join(dataDir, `.write-test-${process.pid}`)
    writeFileSync(probe, '')
    rmSync(probe)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOTDIR'
        ? 'part of the path is a file, not a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (error as Error).message
    throw new SwitchboardError({
      code: 'store_unavailable',
      message: `The data directory ${dataDir} cannot be used: ${why}`,
      fix: 'Choose a writable directory with --data-dir (or fix its permissions)',
    })
  }
}
