import { z } from 'zod'
import { epochMs } from '../../schemas'
import { call } from '../define'
import { messageView } from './inbox'

export const statsBuckets = ['15m', 'hour', 'day'] as const
export type StatsBucket = (typeof statsBuckets)[number]
export const bucketMs: Record<StatsBucket, number> = { '15m': 15 * 60_000, hour: 60 * 60_000, day: 24 * 60 * 60_000 }

/** The figures of the delivery funnel: every outbound message, those delivered (or read), read, failed. */
export const funnelStages = ['sent', 'delivered', 'read', 'failed'] as const
export type FunnelStage = (typeof funnelStages)[number]

const spread = z.object({ count: z.number().int().nonnegative(), medianMs: z.number().nullable(), p95Ms: z.number().nullable() })

export const statsSummary = z.object({
  since: epochMs,
  until: epochMs,
  bucket: z.enum(statsBuckets),
  /** Messages per bucket: from customers, sent by the business (any client), and of those, failed. */
  buckets: z.array(z.object({ start: epochMs, inbound: z.number().int(), outbound: z.number().int(), failed: z.number().int() })),
  /** Outbound messages of the range by the furthest status they reached. */
  funnel: z.object({ sent: z.number().int(), delivered: z.number().int(), read: z.number().int(), failed: z.number().int() }),
  failedByCode: z.array(z.object({ code: z.number().int().nullable(), title: z.string().nullable(), count: z.number().int() })),
  /** From sending to Meta's delivered (or read) status, and to read. */
  toDelivered: spread,
  toRead: spread,
  requests: z.object({ accepted: z.number().int(), rejected: z.number().int(), verified: z.number().int(), verifyFailed: z.number().int() }),
  rejectedByReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** From Meta's event time to the delivery's arrival at the listener. */
  webhookLag: spread,
  templates: z.array(z.object({ name: z.string(), sent: z.number().int(), delivered: z.number().int(), read: z.number().int(), failed: z.number().int() })),
  refreshes: z.array(z.object({ at: epochMs, outcome: z.string(), errorCode: z.number().int().nullable() })),
  /** Graph errors by Meta's code over time: sends Graph refused (no wamid) and messages that failed later (status webhooks). */
  graphErrors: z.object({
    /** Only the (bucket, code) pairs with errors, ordered by start then code. */
    buckets: z.array(z.object({ start: epochMs, code: z.number().int().nullable(), count: z.number().int() })),
    /** One row per code over the whole range, most frequent first; `hint` from the Graph error facts (what happened, what to do). */
    codes: z.array(
      z.object({
        code: z.number().int().nullable(),
        title: z.string().nullable(),
        hint: z.string(),
        refused: z.number().int(),
        failed: z.number().int(),
        count: z.number().int(),
      }),
    ),
  }),
})
export type StatsSummary = z.infer<typeof statsSummary>

export const statsCalls = {
  'stats.summary': call({
    summary: 'The active profile’s numbers over a time range (default: the last 24 hours): messages per bucket, delivery funnel and times, webhook outcomes and lag, templates, refreshes',
    input: z
      .strictObject({ since: epochMs.optional(), until: epochMs.optional(), bucket: z.enum(statsBuckets).optional() })
      .refine((input) => input.since === undefined || input.until === undefined || input.since < input.until, 'since must be before until')
      .optional(),
    result: statsSummary,
  }),
  'stats.messages': call({
    summary: 'The outbound messages behind one figure of the delivery funnel over a time range, newest first, paged',
    input: z
      .strictObject({
        since: epochMs,
        until: epochMs,
        stage: z.enum(funnelStages),
        /** failed only: Meta's error code (null: failed without a code) */
        code: z.number().int().nullable().optional(),
        template: z.string().min(1).max(512).optional(),
        limit: z.number().int().min(1).max(500),
        offset: z.number().int().min(0).max(1_000_000).optional(),
      })
      .refine((input) => input.since < input.until, 'since must be before until')
      .refine((input) => input.code === undefined || input.stage === 'failed', { message: 'code goes with the failed stage', path: ['code'] }),
    result: z.object({ messages: z.array(messageView), total: z.number().int() }),
  }),
}
