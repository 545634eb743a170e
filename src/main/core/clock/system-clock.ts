import type { Clock, ClockTimer } from './types'

const handles = new Map<number, NodeJS.Timeout>()
let nextId = 1

/** Node's timers behind the `Clock` interface. Timers never keep the process alive on their own. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const id = nextId++
    // Node timers overflow above 2^31-1 ms (~24.8 days) and fire at once; cap and re-arm instead.
    const max = 2 ** 31 - 1
    const arm = (remaining: number): void => {
      const handle = setTimeout(
        () => {
          if (remaining > max) arm(remaining - max)
          else {
            handles.delete(id)
            callback()
          }
        },
        Math.min(Math.max(0, remaining), max),
      )
      handle.unref()
      handles.set(id, handle)
    }
    arm(ms)
    return { id }
  },
  clearTimeout(timer: ClockTimer) {
    const handle = handles.get(timer.id)
    if (handle) clearTimeout(handle)
    handles.delete(timer.id)
  },
}
