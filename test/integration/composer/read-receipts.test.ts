import { afterEach, describe, expect, it } from 'vitest'
import { metaLike, type MetaLike } from '../../support/meta-like'
import { sign } from '../../support/signing'
import { inbound } from '../../support/webhook-payloads'

const CUSTOMER = '4915112345678'

describe('read receipts when a conversation opens', () => {
  let meta: MetaLike
  afterEach(() => meta.close())

  /** A customer of the sandbox writes; the delivery reaches the listener signed, as Meta sends it. */
  async function customerWrites(): Promise<void> {
    const listener = await meta.core.startListener(0)
    const { wamid } = await meta.sandbox.customers.send({ from: CUSTOMER, type: 'text' })
    const body = JSON.stringify(inbound(CUSTOMER, 'Ada', { id: wamid, type: 'text', text: { body: 'Is it in stock?' } }))
    const answer = await fetch(listener.url!, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, meta.sandbox.app.secret) } })
    expect(answer.status).toBe(200)
    meta.core.webhook.committer.flush()
    await meta.core.webhook.committer.settled()
  }

  const receipts = () => meta.proxy.count(/^POST \/v\d+\.\d+\/\d+\/messages$/)

  it('are off by default: opening a conversation tells the customer nothing', async () => {
    meta = await metaLike()
    await customerWrites()
    expect(await meta.core.call('composer.settings')).toEqual({ readReceiptsOnOpen: false })
    await meta.core.call('inbox.markRead', { contact: CUSTOMER })
    expect(receipts()).toBe(0)
  })

  it('when turned on, mark the newest message read with "typing…", once per opening', async () => {
    meta = await metaLike()
    await customerWrites()
    expect(await meta.core.call('composer.setSettings', { readReceiptsOnOpen: true })).toEqual({ readReceiptsOnOpen: true })
    await meta.core.call('inbox.markRead', { contact: CUSTOMER })
    expect(receipts()).toBe(1)

    const { messages } = await meta.core.call('inbox.thread', { contact: CUSTOMER, limit: 5 })
    const receipt = await meta.core.call('composer.markRead', { messageId: messages[0]!.wamid, typing: true })
    expect(JSON.parse(receipt.exchange!.requestBody!)).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: messages[0]!.wamid, typing_indicator: { type: 'text' } })
    expect(receipt.success).toBe(true)
  })
})
