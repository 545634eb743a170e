import { ManualClock, type CoreServices, type CoreConfig } from '../../src/main/core'
import type { SandboxStartOptions } from '../../src/main/core/sandbox-session'
import { testCore } from './core'

export interface SandboxCore {
  core: CoreServices
  clock: ManualClock
  profileId: string
  /** Advance simulated time and let the sandbox finish what fell due (webhooks, statuses). */
  advance(ms: number): Promise<void>
}

/**
 * A core whose active profile is the built-in sandbox, listener on a free port. Customers and Meta's
 * quirks are off unless asked: with quirks and a random seed, outcomes vary run to run (some
 * messages are never read), so tests that want them pass `sandbox: { quirks: true, seed }`.
 */
export async function sandboxCore(
  options: { customers?: boolean; background?: boolean; config?: Partial<CoreConfig>; sandbox?: SandboxStartOptions } = {},
): Promise<SandboxCore> {
  const clock = new ManualClock(Date.now())
  const core = await testCore({ clock, ...options.config })
  await core.webhook.start(0)
  const status = await core.sandbox.start({ customers: options.customers ?? false, quirks: false, ...options.sandbox })
  if (options.background) await core.startBackground()
  return {
    core,
    clock,
    profileId: status.profileId!,
    async advance(ms) {
      clock.advance(ms)
      // Let whatever fell due run to completion: token work, the sandbox's deliveries, their commits.
      await core.tokens.whenIdle()
      await core.sandbox.running!.whenIdle()
      await core.tokens.whenIdle()
      core.webhook.committer.flush()
      await core.webhook.committer.settled()
    },
  }
}
