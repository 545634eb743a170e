import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CoalescedRefresh } from '../../src/renderer/src/stores/coalesced-refresh'

describe('coalescing refreshes', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('gathers a burst into one refresh per interval, one at a time, and loses no change', async () => {
    const runs: string[][] = []
    let release: () => void = () => {}
    const refreshes = new CoalescedRefresh(300, (keys) => {
      runs.push([...keys].sort())
      return new Promise<void>((resolve) => (release = resolve))
    })
    refreshes.add(['a'])
    refreshes.add(['b'])
    await vi.advanceTimersByTimeAsync(0)
    expect(runs).toEqual([['a', 'b']])
    // While the first refresh runs, more changes gather; none starts a second one.
    refreshes.add(['c'])
    refreshes.add(['a'])
    await vi.advanceTimersByTimeAsync(100)
    expect(runs).toHaveLength(1)
    // It ends 100 ms after it started: the next one waits for the rest of the interval.
    release()
    await vi.advanceTimersByTimeAsync(150)
    expect(runs).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(50)
    expect(runs).toEqual([['a', 'b'], ['a', 'c']])
  })

  it('drops what waits when cancelled', async () => {
    const runs: string[][] = []
    const refreshes = new CoalescedRefresh(300, (keys) => {
      runs.push([...keys])
      return Promise.resolve()
    })
    refreshes.add(['a'])
    refreshes.cancel()
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toEqual([])
  })
})
