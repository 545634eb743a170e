import { z } from 'zod'
import { isLoopbackHostname } from '../../loopback'
import { customerId, epochMs, noInput } from '../../schemas'
import { call } from '../define'

/**
 * Where accepted deliveries are forwarded: the operator's own bot. Customers' messages travel in
 * the body, so only https, or plain http to this machine.
 */
export const forwardUrl = z
  .string()
  .trim()
  .max(2048)
  .superRefine((value, ctx) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL: give the bot's full address, e.g. http://localhost:3000/webhook` })
      return
    }
    if (url.username !== '' || url.password !== '') ctx.addIssue({ code: 'custom', message: 'A forward URL carries no user name or password' })
    else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHostname(url.hostname)))
      ctx.addIssue({
        code: 'custom',
        message: `Forwarding goes to https, or to http on this machine (localhost, 127.0.0.1, ::1): "${url.protocol}//${url.host}" would carry customers' messages unencrypted`,
      })
  })

/** A secret a target's deliveries are signed with instead of Meta's signature (a bot on another app). */
const signingSecret = z.string().min(8, 'A signing secret has at least 8 characters').max(256)

/**
 * - `ok`: nothing waiting on a failure;
 * - `retrying`: some deliveries failed and are tried again with backoff;
 * - `paused`: it kept failing; one delivery probes it now and then, and all resume when it answers;
 * - `disabled`: turned off by the operator (deliveries are not queued for it).
 */
export const forwardHealthStates = ['ok', 'retrying', 'paused', 'disabled'] as const

export const forwardTarget = z.object({
  id: z.number().int(),
  url: z.string(),
  enabled: z.boolean(),
  /** Deliveries are signed with the target's own secret (kept in the keychain), not passed on with Meta's signature. */
  resign: z.boolean(),
  passVerification: z.boolean(),
  health: z.object({
    state: z.enum(forwardHealthStates),
    pausedSince: epochMs.nullable(),
    /** Failures in a row (reset by a delivery). */
    failures: z.number().int().nonnegative(),
    lastError: z.string().nullable(),
    lastDeliveredAt: epochMs.nullable(),
    /** When the next probe of a paused target goes out. */
    nextProbeAt: epochMs.nullable(),
  }),
  counts: z.object({
    pending: z.number().int().nonnegative(),
    retrying: z.number().int().nonnegative(),
    delivered: z.number().int().nonnegative(),
    expired: z.number().int().nonnegative(),
  }),
})
export type ForwardTarget = z.infer<typeof forwardTarget>

export const forwardStatus = z.object({
  profileId: z.string().nullable(),
  targets: z.array(forwardTarget),
  /** Failed deliveries are retried this long, then given up (they can still be retried or replayed). */
  horizonHours: z.number().int().positive(),
})
export type ForwardStatus = z.infer<typeof forwardStatus>

export const forwardJobKinds = ['live', 'replay', 'edited'] as const

export const forwardJob = z.object({
  id: z.number().int(),
  targetId: z.number().int(),
  targetUrl: z.string(),
  kind: z.enum(forwardJobKinds),
  state: z.enum(['pending', 'delivered', 'expired']),
  createdAt: epochMs,
  nextAt: epochMs,
  doneAt: epochMs.nullable(),
  attempts: z.array(
    z.object({
      at: epochMs,
      status: z.number().int().nullable(),
      error: z.string().nullable(),
      latencyMs: z.number().int().nonnegative(),
      /** The start of the bot's answer (up to 1 KiB). */
      answer: z.string().nullable(),
    }),
  ),
})
export type ForwardJob = z.infer<typeof forwardJob>

/** Meta sends up to 3 MB; an edited body is held to the listener's own limit. */
const MAX_EDITED_BODY = 4 * 1024 * 1024

export const forwardCalls = {
  'forward.status': call({ summary: 'The active profile’s forward targets, their health and counts', input: noInput, result: forwardStatus }),
  'forward.addTarget': call({
    summary: 'Forward every accepted delivery of the active profile to a URL (your bot), from now on',
    input: z.strictObject({ url: forwardUrl, passVerification: z.boolean().optional(), signingSecret: signingSecret.optional() }),
    result: forwardStatus,
  }),
  'forward.updateTarget': call({
    summary: 'Turn a target on or off, pass Meta’s handshakes through, or sign with its own secret (null: pass Meta’s signature on)',
    input: z.strictObject({
      id: z.number().int(),
      enabled: z.boolean().optional(),
      passVerification: z.boolean().optional(),
      signingSecret: signingSecret.nullable().optional(),
    }),
    result: forwardStatus,
  }),
  'forward.removeTarget': call({
    summary: 'Stop forwarding to a target and forget its queue and attempts',
    input: z.strictObject({ id: z.number().int() }),
    result: forwardStatus,
  }),
  'forward.jobs': call({
    summary: 'Every forward of a stored request with each attempt (status, latency, the start of the answer)',
    input: z.strictObject({ requestId: z.number().int().nonnegative() }),
    result: z.object({ items: z.array(forwardJob) }),
  }),
  'forward.replay': call({
    summary: 'Send stored deliveries again, as received: given ones, or a time range, a conversation, or those a target has not received',
    input: z.strictObject({
      targetId: z.number().int().optional(),
      requestIds: z.array(z.number().int().nonnegative()).min(1).max(1000).optional(),
      since: epochMs.optional(),
      until: epochMs.optional(),
      contact: customerId.optional(),
      failuresOnly: z.boolean().optional(),
    }),
    result: z.object({ queued: z.number().int().nonnegative(), targets: z.number().int().nonnegative() }),
  }),
  'forward.resend': call({
    summary: 'Send an edited body of a stored delivery to a target, signed anew with the profile’s app secret',
    input: z.strictObject({
      requestId: z.number().int().nonnegative(),
      targetId: z.number().int(),
      body: z
        .string()
        .max(MAX_EDITED_BODY)
        .refine((text) => isJson(text), 'The edited body is not valid JSON'),
    }),
    result: z.object({ queued: z.number().int().nonnegative(), targets: z.number().int().nonnegative() }),
  }),
  'forward.retry': call({
    summary: 'Try a target (or every target) now: resumes a paused one and revives deliveries given up on',
    input: z.strictObject({ targetId: z.number().int().optional() }),
    result: forwardStatus,
  }),
  'forward.setHorizon': call({
    summary: 'How long failed deliveries are retried before they are given up',
    input: z.strictObject({ hours: z.number().int().min(1).max(24 * 30) }),
    result: forwardStatus,
  }),
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
