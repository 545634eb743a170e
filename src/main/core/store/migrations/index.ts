import { profiles } from './001-profiles'
import { webhooks } from './002-webhooks'
import { refreshLog } from './003-refresh-log'
import { drafts } from './004-drafts'
import { webhookRegistrations } from './005-webhook-registrations'
import { requestIndexes } from './006-request-indexes'
import { inboxBacklog } from './007-inbox-backlog'
import { contactIdentity } from './008-contact-identity'
import { refreshNoGain } from './009-refresh-no-gain'
import { media } from './010-media'
import { forwarding } from './011-forwarding'
import { refusedSends } from './012-refused-sends'
import type { Migration } from './migration'

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [profiles, webhooks, refreshLog, drafts, webhookRegistrations, requestIndexes, inboxBacklog, contactIdentity, refreshNoGain, media, forwarding, refusedSends]

export type { Migration } from './migration'
