import { z } from 'zod'

/** Every event the core pushes to the UI, by name. Delivered in batches, oldest first. */
export const events = {
  /** Profiles were created, renamed, deleted, activated or saved: refetch what you show. */
  'profiles.changed': z.object({ activeId: z.string().nullable(), profileId: z.string().nullable() }),
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
