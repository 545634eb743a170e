import type { EventBatch, EventEnvelope } from '@shared/contract'
import { useNotices } from './notices'

/** Routes each event of a batch to the store that owns it; one place, exhaustively. */
export function routeEvents(batch: EventBatch): void {
  for (const event of batch) route(event)
}

function route(event: EventEnvelope): void {
  switch (event.name) {
    case 'app.notice':
      useNotices.getState().add(event.payload)
      return
    default:
      assertNever(event.name)
  }
}

function assertNever(value: never): void {
  console.warn('Unrouted event', value)
}
