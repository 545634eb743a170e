import { createHash } from 'node:crypto'
import { Transform } from 'node:stream'

/** Progress of a transfer is reported at most this often. */
export const PROGRESS_EVERY_MS = 200

export interface ByteMeter {
  /** Passes the bytes through, hashing and counting them; fails past the limit. */
  readonly stream: Transform
  digest(): string
  bytes(): number
}

/** SHA-256 (hex) and length of what flows through, with a ceiling: nothing is held in memory. */
export function byteMeter(limit: number, tooLarge: () => Error, onBytes?: (total: number) => void): ByteMeter {
  const hash = createHash('sha256')
  let total = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length
      if (total > limit) return done(tooLarge())
      hash.update(chunk)
      onBytes?.(total)
      done(null, chunk)
    },
  })
  return { stream, digest: () => hash.digest('hex'), bytes: () => total }
}
