import { statSync } from 'node:fs'
import { join } from 'node:path'
import { DATABASE_FILE, Store } from '../../src/main/core/store'
import { parseDelivery } from '../../src/main/core/webhook'
import { envelope, messagesValue } from '../../test/support/webhook-payloads'
import { answerRequests, reportReady } from '../support/child-side'
import { MessageText } from '../support/message-text'
import { SeededRandom, Zipf } from '../support/random'
import { customerNumber } from '../support/webhook-mix'

/**
 * Builds a store of N inbound messages through the real write path: Meta-shaped batches (100
 * messages a request, as Meta batches under load) → the webhook parser → `WebhookCapture`, many
 * requests per transaction. Requests keep their raw bodies, as the listener stores them. Message
 * timestamps span a year; the raw requests were received within the last 20 days, as in a store
 * that the app has been pruning (retention 30 days).
 */
export interface SeedRequest {
  dataDir: string
  profileName: string
  messages: number
  contacts: number
  seed: number
}

export interface SeedResult {
  messages: number
  conversations: number
  seconds: number
  perSecond: number
  databaseBytes: number
  /** The wa_ids holding the most messages (the biggest threads), for page measurements. */
  busiestContacts: string[]
}

const PER_REQUEST = 100
const REQUESTS_PER_TRANSACTION = 200
const DAY = 86_400_000
/** Messages span a year; their raw requests the last 20 days (see below). */
const MESSAGE_SPAN = 365 * DAY
const REQUEST_SPAN = 20 * DAY

function seed(request: SeedRequest): SeedResult {
  const store = Store.open(request.dataDir, 5000)
  try {
    const profile = store.profiles.byName(request.profileName)
    if (!profile) throw new Error(`no profile ${request.profileName} in ${request.dataDir}`)
    const random = new SeededRandom(request.seed)
    const text = new MessageText(request.seed)
    const contacts = new Zipf(request.contacts, 0.8)
    const end = Date.now() - 60_000
    const started = performance.now()
    let written = 0
    while (written < request.messages) {
      store.transaction(() => {
        for (let r = 0; r < REQUESTS_PER_TRANSACTION && written < request.messages; r++) {
          const messages: Record<string, unknown>[] = []
          const senders = new Map<string, string>()
          const count = Math.min(PER_REQUEST, request.messages - written)
          for (let k = 0; k < count; k++) {
            const n = written + k
            const from = customerNumber(contacts.draw(random))
            senders.set(from, `Customer ${from.slice(-5)}`)
            const timestamp = String(Math.floor((end - MESSAGE_SPAN + (n / request.messages) * MESSAGE_SPAN) / 1000))
            const base = { from, id: `wamid.seed${request.seed}N${n}`, timestamp }
            const roll = random.next()
            if (roll < 0.88) messages.push({ ...base, type: 'text', text: { body: text.next() } })
            else if (roll < 0.95) messages.push({ ...base, type: 'image', image: { caption: text.next(), mime_type: 'image/jpeg', sha256: 'q0PC3dV1rPEi=', id: `${1479537139650000 + n}` } })
            else if (roll < 0.98) messages.push({ ...base, type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'aGVsbG8=', id: `${1579537139650000 + n}`, voice: true } })
            else messages.push({ ...base, type: 'button', button: { payload: 'TRACK_ORDER', text: 'Track my order' } })
          }
          const contactsList = [...senders].map(([waId, name]) => ({ profile: { name }, wa_id: waId }))
          const delivery = envelope([{ field: 'messages', value: messagesValue({ contacts: contactsList, messages }) }])
          const body = JSON.stringify(delivery)
          // A running Switchboard prunes raw requests past their retention (30 days) every few hours, so a
          // year-old inbox holds only recent ones; received_at stays inside the retention for that reason.
          const receivedAt = Math.floor(end - REQUEST_SPAN + ((written + count) / request.messages) * REQUEST_SPAN)
          store.capture.write({
            receivedAt,
            method: 'POST',
            path: '/webhook',
            remote: '127.0.0.1',
            headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' },
            body,
            size: Buffer.byteLength(body),
            verdict: 'accepted',
            status: 200,
            reason: null,
            signature: 'valid',
            profileId: profile.id,
            delivery: parseDelivery(delivery, receivedAt),
          })
          written += count
        }
      })
    }
    const seconds = (performance.now() - started) / 1000
    const counts = store.inbox.counts(profile.id)
    const busiest = store.db
      .prepare('SELECT contact FROM messages WHERE profile_id = ? GROUP BY contact ORDER BY COUNT(*) DESC LIMIT 5')
      .all(profile.id) as unknown as { contact: string }[]
    store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    return {
      messages: counts.messages,
      conversations: counts.conversations,
      seconds,
      perSecond: written / seconds,
      databaseBytes: statSync(join(request.dataDir, DATABASE_FILE)).size,
      busiestContacts: busiest.map((row) => row.contact),
    }
  } finally {
    store.close()
  }
}

answerRequests((request) => Promise.resolve(seed(request as unknown as SeedRequest)))
reportReady({})
