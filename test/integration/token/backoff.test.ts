import { afterEach, describe, expect, it } from 'vitest'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'

describe('token scheduler under failure', () => {
  let s: SandboxCore
  afterEach(() => s.core.close())

  it('backs off after failed refreshes and never storms', async () => {
    s = await sandboxCore({ background: true })
    await s.core.call('profiles.save', { id: s.profileId, secrets: { appSecret: 'ffffffffffffffffffffffffffffffff' } })
    await s.core.call('token.inspect', { profileId: s.profileId })
    // Three simulated hours, a minute at a time.
    for (let i = 0; i < 180; i++) await s.advance(60_000)
    const log = (await s.core.call('token.log', { profileId: s.profileId, limit: 100 })).entries
    const failures = log.filter((e) => e.outcome === 'failure')
    expect(failures.length).toBeGreaterThanOrEqual(2)
    expect(failures.length).toBeLessThanOrEqual(6)
    const times = failures.map((e) => e.at).reverse()
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!)
    const status = await s.core.call('token.status', { profileId: s.profileId })
    expect(status.lastError).not.toBeNull()
  })
})
