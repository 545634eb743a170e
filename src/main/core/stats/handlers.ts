import { bucketMs, SwitchboardError, type StatsBucket } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import type { Handlers } from '../dispatch'
import { describeGraphError } from '../graph'
import { messageView } from '../inbox'
import type { Store } from '../store'

const DAY = 24 * 60 * 60_000

/** The bucket that gives a chart about a hundred points or fewer: 15 minutes up to 2 days, hours up to 2 weeks, then days. */
export function bucketFor(spanMs: number): StatsBucket {
  return spanMs <= 2 * DAY ? '15m' : spanMs <= 14 * DAY ? 'hour' : 'day'
}

/** What a code means and what to do, as the inbox says it for a failed message. */
function codeHint(code: number | null): string {
  if (code === null) return 'Meta gave no error code: open the messages (their errors and status timeline) to see what was said.'
  return describeGraphError({ status: 200, code, subcode: null, isTransient: null, source: 'status' }).hint
}

export function statsHandlers(ctx: CoreContext, store: Store, active: ActiveProfile): Pick<Handlers, 'stats.summary' | 'stats.messages'> {
  const profileId = () => {
    const profile = active.snapshot().profile
    if (!profile) throw new SwitchboardError({ code: 'not_configured', message: 'No profile is active', fix: 'Create or choose a profile in Settings' })
    return profile.id
  }
  return {
    'stats.summary': (input) => {
      const id = profileId()
      const until = input?.until ?? ctx.clock.now()
      const since = input?.since ?? until - DAY
      const bucket = input?.bucket ?? bucketFor(until - since)
      if ((until - since) / bucketMs[bucket] > 2000) {
        throw new SwitchboardError({ code: 'invalid_input', message: `A ${bucket} bucket over this range makes more than 2,000 points: choose a larger bucket` })
      }
      const rows = store.stats.summary({ profileId: id, since, until, bucketMs: bucketMs[bucket] })
      return { since, until, bucket, ...rows, graphErrors: { buckets: rows.graphErrors.buckets, codes: rows.graphErrors.codes.map((row) => ({ ...row, hint: codeHint(row.code) })) } }
    },
    'stats.messages': ({ since, until, stage, code, template, limit, offset }) => {
      const { rows, total } = store.stats.messages({
        profileId: profileId(),
        since,
        until,
        stage,
        ...(code === undefined ? {} : { code }),
        ...(template === undefined ? {} : { template }),
        limit,
        offset: offset ?? 0,
      })
      return { messages: rows.map(messageView), total }
    },
  }
}
