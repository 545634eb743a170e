import { z } from 'zod'
import { forwardStatus, listenerState, mediaView, refreshLogEntry, requestSummary, sandboxStatus, tokenStatus, tunnelStatus } from './calls'

/** Every event the core pushes to the UI, by name. Delivered in batches, oldest first. */
export const events = {
  /** Deliveries were committed: these conversations changed. One event per commit, not per request. */
  'inbox.changed': z.object({
    contacts: z.array(z.string()),
    newMessages: z.number().int(),
    newStatuses: z.number().int(),
    newEvents: z.number().int(),
    /** Conversations found to be one customer (a phone number and a BSUID seen together): `from` now lives in `into`. */
    merged: z.array(z.object({ from: z.string(), into: z.string() })),
  }),
  /** A request reached the listener (accepted or not), for the live inspector. */
  'webhook.request': requestSummary,
  'webhook.listener': listenerState,
  'sandbox.changed': sandboxStatus,
  /** The tunnel's state, URL, log lines, self-test or registrations changed. */
  'tunnel.changed': tunnelStatus,
  /** A profile's token state changed (inspected, refreshed, expired, needs action). */
  'token.changed': tokenStatus,
  /** A refresh or recovery attempt was logged. */
  'token.logged': refreshLogEntry.extend({ profileId: z.string(), profileName: z.string() }),
  /** Profiles were created, renamed, deleted, activated or saved: refetch what you show. */
  'profiles.changed': z.object({ activeId: z.string().nullable(), profileId: z.string().nullable() }),
  /** A media file's state changed (a download started, progressed, finished or failed; it was evicted). */
  'media.changed': mediaView,
  /** Bytes of a file sent to Meta so far (`uploadId` as the window named its upload). */
  'media.uploading': z.object({ uploadId: z.string(), sent: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** Forward targets changed, or their health or queues did (at most about once a second while busy). */
  'forward.changed': forwardStatus,
  'app.notice': z.object({
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    at: z.number().int(),
  }),
}

export type EventName = keyof typeof events
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>
export type EventEnvelope = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName]
export type EventBatch = readonly EventEnvelope[]
