import { bucketMs, SwitchboardError, type StatsBucket } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import type { Handlers } from '../dispatch'
import type { Store } from '../store'

const DAY = 24 * 60 * 60_000

/** The bucket that gives a chart about a hundred points or fewer: 15 minutes up to 2 days, hours up to 2 weeks, then days. */
export function bucketFor(spanMs: number): StatsBucket {
  return spanMs <= 2 * DAY ? '15m' : spanMs <= 14 * DAY ? 'hour' : 'day'
}

export function statsHandlers(ctx: CoreContext, store: Store, active: ActiveProfile): Pick<Handlers, 'stats.summary'> {
  return {
    'stats.summary': (input) => {
      const profile = active.snapshot().profile
      if (!profile) throw new SwitchboardError({ code: 'not_configured', message: 'No profile is active', fix: 'Create or choose a profile in Settings' })
      const until = input?.until ?? ctx.clock.now()
      const since = input?.since ?? until - DAY
      const bucket = input?.bucket ?? bucketFor(until - since)
      if ((until - since) / bucketMs[bucket] > 2000) {
        throw new SwitchboardError({ code: 'invalid_input', message: `A ${bucket} bucket over this range makes more than 2,000 points: choose a larger bucket` })
      }
      return { since, until, bucket, ...store.stats.summary({ profileId: profile.id, since, until, bucketMs: bucketMs[bucket] }) }
    },
  }
}
