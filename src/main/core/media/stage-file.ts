import { createWriteStream, rmSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { byteMeter } from './byte-meter'

export class StagedTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${limit} bytes`)
    this.name = 'StagedTooLarge'
  }
}

/**
 * Writes a file someone hands over (the window's upload, the CLI's file) to `path` (0600),
 * hashing it on the way: from there it is uploaded, sent again after a token refresh, and kept.
 */
export async function stageFile(body: Readable, path: string, maxBytes: number): Promise<{ digest: string; size: number }> {
  const meter = byteMeter(maxBytes, () => new StagedTooLarge(maxBytes))
  try {
    await pipeline(body, meter.stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  } catch (error) {
    rmSync(path, { force: true })
    throw error
  }
  return { digest: meter.digest(), size: meter.bytes() }
}
