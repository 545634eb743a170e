import { envelope, messagesValue } from '../../test/support/webhook-payloads'
import { MessageText } from './message-text'
import { SeededRandom } from './random'

/** One webhook body and the event it carries: `m <wamid>` for a message, `s <wamid> <status>` for a status. */
export interface MixedDelivery {
  body: string
  key: string
}

const statusCycle = ['sent', 'delivered', 'read'] as const
const pricing = { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' }

export const customerNumber = (n: number) => String(4915100000000 + n)

/**
 * What Meta delivers to a busy number, one event per POST as Meta sends at moderate rates:
 * 60 % customer texts, 5 % photos with a caption, 35 % statuses of messages the business sent
 * (sent → delivered → read per message). Every event is new (unique wamid, or unique
 * wamid + status), so a stored row proves its request was committed.
 */
export class WebhookMix {
  private count = 0
  private statuses = 0
  private readonly random: SeededRandom
  private readonly text: MessageText

  constructor(
    private readonly tag: string,
    private readonly customers = 5000,
    seed = 1,
  ) {
    this.random = new SeededRandom(seed)
    this.text = new MessageText(seed + 100)
  }

  next(now = Date.now()): MixedDelivery {
    const n = ++this.count
    const timestamp = String(Math.floor(now / 1000))
    const roll = this.random.next()
    if (roll < 0.35) {
      const s = this.statuses++
      const wamid = `wamid.bench${this.tag}O${Math.floor(s / 3)}`
      const status = statusCycle[s % 3]!
      const recipient = customerNumber(Math.floor(s / 3) % this.customers)
      const value = messagesValue({ statuses: [{ id: wamid, status, timestamp, recipient_id: recipient, ...(status === 'read' ? {} : { pricing }) }] })
      return { body: JSON.stringify(envelope([{ field: 'messages', value }])), key: `s ${wamid} ${status}` }
    }
    const from = customerNumber(this.random.int(this.customers))
    const wamid = `wamid.bench${this.tag}I${n}`
    const message =
      roll < 0.4
        ? { from, id: wamid, timestamp, type: 'image', image: { caption: this.text.next(), mime_type: 'image/jpeg', sha256: 'q0PC3dV1rPEi/ZBu0iAH1pm0dkdeeGNQJE1iAXi4Mwo=', id: '1479537139650973' } }
        : { from, id: wamid, timestamp, type: 'text', text: { body: this.text.next() } }
    const value = messagesValue({ contacts: [{ profile: { name: `Customer ${from.slice(-4)}` }, wa_id: from }], messages: [message] })
    return { body: JSON.stringify(envelope([{ field: 'messages', value }])), key: `m ${wamid}` }
  }
}
