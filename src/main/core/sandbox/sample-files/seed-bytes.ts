import { createHash } from 'node:crypto'

/** `length` bytes (at most 32) that depend only on `seed`: colours, serial numbers and amounts of a sample file. */
export function seedBytes(seed: number | string, length: number): Buffer {
  return createHash('sha256').update(`sandbox-sample:${seed}`).digest().subarray(0, length)
}
