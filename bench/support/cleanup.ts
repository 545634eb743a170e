import type { ChildProcess } from 'node:child_process'

/** Every process the bench starts, so an interrupted run (Ctrl+C) leaves none behind. */
const live = new Set<ChildProcess>()

export function track(child: ChildProcess): void {
  live.add(child)
  child.once('exit', () => live.delete(child))
}

export function killTracked(): void {
  for (const child of live) child.kill('SIGKILL')
  live.clear()
}
