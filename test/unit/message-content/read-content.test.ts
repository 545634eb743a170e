import { describe, expect, it } from 'vitest'
import { messageContent, outgoingKinds, type OutgoingKind, type OutgoingMessage } from '../../../src/shared/contract'
import { messageRequestBody } from '../../../src/main/core/composer'
import { errorDetails, readContent, summaryText } from '../../../src/main/core/message-content'
import { itemsOf, loadPeerWebhooks } from '../../support/peer-webhooks'
import { inboundKinds } from '../../support/webhook-payloads'

describe('reading what a message says', () => {
  it('reads every documented inbound type into its typed content, and the line it is found by', () => {
    const kinds = inboundKinds.map(({ type, message, text }) => {
      const content = readContent(type, message)
      expect(messageContent.safeParse(content).success, type).toBe(true)
      expect(summaryText(content), type).toBe(text)
      return content.kind
    })
    expect(kinds).toEqual(['text', 'media', 'media', 'media', 'media', 'media', 'location', 'contacts', 'reply', 'reply', 'reply', 'button', 'reaction', 'order', 'system', 'unsupported'])
  })

  it('keeps the details a thread shows: voice notes, flow answers without their token, order items, errors', () => {
    expect(readContent('audio', inboundKinds.find((k) => k.type === 'audio')!.message)).toMatchObject({ kind: 'media', media: 'audio', voice: true, mimeType: 'audio/ogg; codecs=opus' })
    const flow = inboundKinds.find((k) => k.text === 'flow · Sent')!
    expect(readContent('interactive', flow.message)).toMatchObject({ kind: 'reply', to: 'flow', answers: [{ name: 'rating', value: '5' }] })
    expect(readContent('order', inboundKinds.find((k) => k.type === 'order')!.message)).toMatchObject({
      items: [{ productRetailerId: 'sku-1', quantity: 2, itemPrice: 9.99, currency: 'EUR' }],
    })
    expect(readContent('location', { location: { latitude: '52.52', longitude: '13.40' } })).toMatchObject({ latitude: 52.52, longitude: 13.4 })
    expect(readContent('reaction', { reaction: { message_id: 'wamid.x', emoji: '' } })).toEqual({ kind: 'reaction', messageId: 'wamid.x', emoji: null })
    expect(errorDetails([{ code: 131050, title: 'Unable to deliver', error_data: { details: 'The user stopped marketing messages' } }, 'not an error'])).toEqual([
      { code: 131050, title: 'Unable to deliver', details: 'The user stopped marketing messages' },
    ])
  })

  it('reads what the composer sends, for every kind it can send', () => {
    const samples: Record<OutgoingKind, OutgoingMessage> = {
      text: { kind: 'text', body: 'Hello' },
      template: { kind: 'template', name: 'order_update', language: 'en_US', body: ['Ana', '#1042'] },
      image: { kind: 'image', link: 'https://example.com/a.jpg', caption: 'A' },
      video: { kind: 'video', link: 'https://example.com/a.mp4' },
      audio: { kind: 'audio', link: 'https://example.com/a.ogg' },
      document: { kind: 'document', link: 'https://example.com/a.pdf', filename: 'a.pdf' },
      location: { kind: 'location', latitude: 1, longitude: 2 },
      reaction: { kind: 'reaction', messageId: 'wamid.x', emoji: '👍' },
      sticker: { kind: 'sticker', mediaId: '1479537139650975' },
      contacts: { kind: 'contacts', contacts: [{ name: 'Jane Doe', phones: [{ phone: '+1 555 0100', waId: '15550100' }], organisation: 'ACME' }] },
      buttons: { kind: 'buttons', body: 'Ship today?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] },
      list: { kind: 'list', body: 'Pick a slot', button: 'Slots', sections: [{ rows: [{ id: 'tue', title: 'Tuesday 10:00', description: 'Berlin' }] }] },
      cta_url: { kind: 'cta_url', body: 'Track it', displayText: 'Track order', url: 'https://example.com/t/1' },
    }
    expect(Object.keys(samples).sort()).toEqual([...outgoingKinds].sort())
    for (const message of Object.values(samples)) {
      const body = messageRequestBody(message, { to: '15550100' })
      const content = readContent(String(body.type), body)
      expect(content.kind, message.kind).not.toBe('unknown')
      expect(messageContent.safeParse(content).success).toBe(true)
    }
    expect(readContent('template', messageRequestBody(samples.template, { to: '1' }))).toEqual({ kind: 'template', name: 'order_update', language: 'en_US', values: ['Ana', '#1042'] })
    const shown = (kind: OutgoingKind) => {
      const body = messageRequestBody(samples[kind], { to: '1' })
      return readContent(String(body.type), body)
    }
    expect(shown('buttons')).toMatchObject({ kind: 'interactive', interactiveType: 'button', body: 'Ship today?', options: ['Yes', 'No'] })
    expect(shown('list')).toMatchObject({ kind: 'interactive', interactiveType: 'list', options: ['Slots', 'Tuesday 10:00'] })
    expect(shown('cta_url')).toMatchObject({ kind: 'interactive', interactiveType: 'cta_url', body: 'Track it', options: ['Track order'] })
    expect(shown('contacts')).toMatchObject({ kind: 'contacts', cards: [{ name: 'Jane Doe', organisation: 'ACME', phones: [{ phone: '+1 555 0100', waId: '15550100' }] }] })
    expect(shown('sticker')).toMatchObject({ kind: 'media', media: 'sticker', id: '1479537139650975' })
  })

  it('never throws on shapes it does not know, and keeps an unknown type raw', () => {
    for (const payload of [null, 42, 'text', [], { text: 7 }, { image: 'no' }, { contacts: 'x' }, { interactive: { action: { buttons: 'x' } } }]) {
      for (const type of ['text', 'image', 'contacts', 'interactive', 'order', 'template', 'system']) {
        expect(messageContent.safeParse(readContent(type, payload)).success, `${type} ${JSON.stringify(payload)}`).toBe(true)
      }
    }
    expect(readContent('hologram', { hologram: { depth: 3 } })).toEqual({ kind: 'unknown', type: 'hologram', raw: { hologram: { depth: 3 } } })
  })

  const peers = loadPeerWebhooks()
  it.skipIf(peers.skipReason !== null)(`reads every message in the real webhook bodies${peers.skipReason ? ` (skipped: ${peers.skipReason})` : ''}`, () => {
    for (const { file, body } of peers.bodies) {
      for (const { item } of [...itemsOf(body, 'messages'), ...itemsOf(body, 'message_echoes')]) {
        const content = readContent(typeof item.type === 'string' ? item.type : 'unknown', item)
        expect(messageContent.safeParse(content).success, file).toBe(true)
        if (item.type !== 'unknown' && item.type !== undefined) expect(content.kind, file).not.toBe('unknown')
      }
    }
  })
})
