import type { EventBatch, EventEnvelope, RequestSummary } from '@shared/contract'
import { useAppInfo } from './app-info'
import { useComposer } from './composer'
import { useForward } from './forward'
import { useInbox } from './inbox'
import { useMedia } from './media'
import { useMetaNotices } from './meta-notices'
import { useNotices } from './notices'
import { useProfiles } from './profiles'
import { useSandbox } from './sandbox'
import { useStats } from './stats'
import { resetToken, useToken } from './token'
import { useTunnel } from './tunnel'
import { useWebhook } from './webhook'

/**
 * Routes each event of a batch to the store that owns it; one place, exhaustively. Requests for
 * the inspector are handed over once per batch, so a burst costs one store update, not hundreds.
 */
export function routeEvents(batch: EventBatch): void {
  const requests: RequestSummary[] = []
  for (const event of batch) route(event, requests)
  if (requests.length > 0) useWebhook.getState().received(requests)
}

function route(event: EventEnvelope, requests: RequestSummary[]): void {
  switch (event.name) {
    case 'app.notice':
      useNotices.getState().add(event.payload)
      return
    case 'inbox.changed':
      useInbox.getState().changed(event.payload)
      useComposer.getState().changed(event.payload)
      useMetaNotices.getState().changed(event.payload)
      useStats.getState().changed()
      return
    case 'media.changed':
      useMedia.getState().changed(event.payload)
      return
    case 'media.uploading':
      useMedia.getState().uploading(event.payload)
      return
    case 'webhook.request':
      requests.push(event.payload)
      return
    case 'webhook.listener':
      useWebhook.getState().setListener(event.payload)
      return
    case 'sandbox.changed':
      useSandbox.getState().set(event.payload)
      return
    case 'token.changed':
      useToken.getState().onStatus(event.payload)
      return
    case 'token.logged':
      useToken.getState().onLogged(event.payload)
      useStats.getState().changed()
      return
    case 'forward.changed':
      useForward.getState().set(event.payload)
      return
    case 'tunnel.changed':
      useTunnel.getState().onStatus(event.payload)
      return
    case 'profiles.changed': {
      // The inbox shows the active profile's messages: another profile means other conversations.
      const profiles = useProfiles.getState()
      if (profiles.loaded && event.payload.activeId !== profiles.activeId) {
        useInbox.getState().reset()
        resetToken()
        useComposer.getState().reset()
        useMetaNotices.getState().reset()
        useMedia.getState().reset()
        useForward.getState().reset()
        useStats.getState().reset()
      }
      void profiles.load()
      void useAppInfo.getState().load()
      return
    }
    default:
      assertNever(event)
  }
}

/** A new event in the contract without a route here fails type-checking. */
function assertNever(event: never): void {
  console.warn('Unrouted event', event)
}
