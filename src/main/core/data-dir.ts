import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SwitchboardError } from '@shared/contract'

/** Makes sure the data directory exists and can be written, or says exactly why not. */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
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
