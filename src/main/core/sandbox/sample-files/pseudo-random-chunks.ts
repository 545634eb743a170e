import { createCipheriv, createHash } from 'node:crypto'

const CHUNK_BYTES = 64 * 1024

/**
 * Exactly `total` bytes that look random and depend only on `seed`, in chunks (AES-128-CTR over
 * zeros), so a file of any size can be written without holding it in memory.
 */
export function* pseudoRandomChunks(seed: string, total: number): Generator<Buffer> {
  const key = createHash('sha256').update(`sandbox-bytes:${seed}`).digest().subarray(0, 16)
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  const zeros = Buffer.alloc(CHUNK_BYTES)
  for (let left = total; left > 0; left -= CHUNK_BYTES) yield cipher.update(left >= CHUNK_BYTES ? zeros : zeros.subarray(0, left))
}
