import { randomUUID } from 'node:crypto'

/** Registrars alive in this process; another process is judged by whether its pid still runs. */
const liveOwners = new Set<string>()

export interface Owner {
  readonly id: string
  readonly pid: number
  release(): void
}

export function claimOwner(): Owner {
  const id = randomUUID()
  liveOwners.add(id)
  return { id, pid: process.pid, release: () => liveOwners.delete(id) }
}

/**
 * Whether the Switchboard that set a record still runs (and will put it back itself). A record of a
 * dead process is an orphan: the next Switchboard on the data dir puts it back.
 */
export function ownerAlive(pid: number, id: string): boolean {
  if (pid === process.pid) return liveOwners.has(id)
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
