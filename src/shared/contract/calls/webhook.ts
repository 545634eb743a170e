import { z } from 'zod'
import { noInput } from '../../schemas'
import { call } from '../define'

export const verdicts = ['accepted', 'rejected', 'verified', 'verify_failed'] as const

export const requestSummary = z.object({
  id: z.number().int(),
  receivedAt: z.number().int(),
  method: z.string(),
  path: z.string(),
  verdict: z.enum(verdicts),
  status: z.number().int(),
  reason: z.string().nullable(),
  signature: z.enum(['valid', 'invalid', 'missing', 'not_checked']),
  size: z.number().int(),
  eventCount: z.number().int(),
})
export type RequestSummary = z.infer<typeof requestSummary>

export const listenerState = z.object({
  state: z.enum(['stopped', 'listening', 'error']),
  url: z.string().nullable(),
  port: z.number().int().nullable(),
  error: z.string().nullable(),
  /** Set while the store cannot commit deliveries (they are answered 503 so Meta retries). */
  storeFault: z.string().nullable(),
  /** Deliveries acknowledged during a burst whose messages are not in the inbox yet (filed within moments). */
  inboxBacklog: z.number().int().nonnegative(),
  /** Set while committed deliveries cannot be filed into the inbox (retried every second). */
  inboxFault: z.string().nullable(),
  retentionDays: z.number().int(),
  /** Requests refused since the listener started (forged, unsigned, from a browser …), and in the last minute. */
  refused: z.object({ sinceStart: z.number().int(), lastMinute: z.number().int() }),
})
export type ListenerState = z.infer<typeof listenerState>

export const webhookCalls = {
  'webhook.requests': call({
    summary: 'Recent requests to the webhook listener with their verdicts, newest first',
    input: z.strictObject({ limit: z.number().int().min(1).max(500), verdict: z.enum(verdicts).optional(), beforeId: z.number().int().optional() }),
    result: z.object({ items: z.array(requestSummary) }),
  }),
  'webhook.request': call({
    summary: 'One request in full: headers and raw body',
    input: z.strictObject({ id: z.number().int().nonnegative() }),
    result: requestSummary.extend({ remote: z.string().nullable(), headers: z.record(z.string(), z.string()), body: z.string().nullable() }),
  }),
  'webhook.status': call({
    summary: 'Whether the listener is up, where, and whether the store accepts deliveries',
    input: noInput,
    result: listenerState,
  }),
  'webhook.restart': call({
    summary: 'Restart the listener on another port (0 = any free port) and remember the choice',
    input: z.strictObject({ port: z.number().int().min(0).max(65535) }),
    result: listenerState,
  }),
  'webhook.setRetention': call({
    summary: 'Keep raw webhook requests this many days (messages are kept regardless)',
    input: z.strictObject({ days: z.number().int().min(1).max(3650) }),
    result: listenerState,
  }),
}
