import { z } from 'zod'
import type { Envelope } from './envelope'
import type { EventBatch } from './events'

/** What the browser-mode client may send: only calls, each with a numeric id for its answer. */
export const wsClientMessage = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown().optional(),
})
export type WsClientMessage = z.infer<typeof wsClientMessage>

export type WsServerMessage =
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'events'; batch: EventBatch }
  | { type: 'error'; envelope: Envelope<never> }
