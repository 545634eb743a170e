import { randomBytes } from 'node:crypto'
import type { Clock } from '../clock'
import type { Recognised } from './recognise'

export interface PendingImport {
  id: string
  path: string | null
  fileName: string
  recognised: Recognised[]
  createdAt: number
}

const TTL_MS = 15 * 60 * 1000

/**
 * Parsed imports waiting for the operator's confirmation. The values stay here in main memory; the
 * UI only ever sees the masked preview and confirms by id.
 */
export class PendingImports {
  private readonly pending = new Map<string, PendingImport>()

  constructor(private readonly clock: Clock) {}

  add(entry: Omit<PendingImport, 'id' | 'createdAt'>): PendingImport {
    this.prune()
    const id = `imp_${randomBytes(8).toString('hex')}`
    const stored = { ...entry, id, createdAt: this.clock.now() }
    this.pending.set(id, stored)
    return stored
  }

  take(id: string): PendingImport | undefined {
    this.prune()
    const entry = this.pending.get(id)
    this.pending.delete(id)
    return entry
  }

  private prune(): void {
    const now = this.clock.now()
    for (const [id, entry] of this.pending) if (now - entry.createdAt > TTL_MS) this.pending.delete(id)
  }
}
