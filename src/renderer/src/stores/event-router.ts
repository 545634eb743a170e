import type { EventBatch, EventEnvelope } from '@shared/contract'
import { useAppInfo } from './app-info'
import { useNotices } from './notices'
import { useProfiles } from './profiles'

/** Routes each event of a batch to the store that owns it; one place, exhaustively. */
export function routeEvents(batch: EventBatch): void {
  for (const event of batch) route(event)
}

function route(event: EventEnvelope): void {
  switch (event.name) {
    case 'app.notice':
      useNotices.getState().add(event.payload)
      return
    case 'inbox.changed':
    case 'webhook.request':
    case 'webhook.listener':
    case 'sandbox.changed':
    case 'token.changed':
    case 'token.logged':
    case 'tunnel.changed':
      // Not shown yet: the Inbox and Webhooks screens arrive in the next change.
      return
    case 'profiles.changed':
      void useProfiles.getState().load()
      void useAppInfo.getState().load()
      return
    default:
      assertNever(event)
  }
}

/** A new event in the contract without a route here fails type-checking. */
function assertNever(event: never): void {
  console.warn('Unrouted event', event)
}
