import { SwitchboardError } from '@shared/contract'
import type { Handlers } from '../dispatch'
import type { Store } from '../store'
import type { WebhookService } from './service'

type WebhookCalls = 'webhook.requests' | 'webhook.request' | 'webhook.status' | 'webhook.setRetention' | 'webhook.restart'

export function webhookHandlers(service: WebhookService, store: Store): Pick<Handlers, WebhookCalls> {
  return {
    'webhook.requests': ({ limit, verdict, beforeId }) => ({
      items: store.inbox.requests(limit, { ...(verdict ? { verdict } : {}), ...(beforeId === undefined ? {} : { beforeId }) }),
    }),
    'webhook.request': ({ id }) => {
      const row = store.inbox.request(id)
      if (!row) throw new SwitchboardError({ code: 'not_found', message: `Request ${id} is not stored (it may have passed the retention period)` })
      return row
    },
    'webhook.status': () => service.status(),
    'webhook.setRetention': ({ days }) => service.setRetention(days),
    'webhook.restart': ({ port }) => service.restart(port),
  }
}
