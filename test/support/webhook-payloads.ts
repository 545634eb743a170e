/**
 * Webhook bodies in Meta's documented shapes, for posting at the listener. Built by hand from the
 * Cloud API webhook reference, independent of the sandbox and of the parser under test.
 */

export const PHONE_NUMBER_ID = '106540352242922'
export const DISPLAY_NUMBER = '15550783881'
export const WABA_ID = '102290129340398'

let counter = 0
export const wamid = (tag = 'x') => `wamid.HBgL${tag}${(++counter).toString().padStart(6, '0')}AgARGBI5QTNDQTVGRTA5`

const seconds = (ms: number) => String(Math.floor(ms / 1000))

export function envelope(changes: { field: string; value: unknown }[], entries = 1): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: Array.from({ length: entries }, (_, i) => ({ id: WABA_ID, changes: i === 0 ? changes : [] })),
  }
}

export function messagesValue(parts: { contacts?: unknown[]; messages?: unknown[]; statuses?: unknown[]; errors?: unknown[] }) {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: PHONE_NUMBER_ID },
    ...parts,
  }
}

export function inbound(from: string, name: string, message: Record<string, unknown>, at = Date.now()) {
  return envelope([
    {
      field: 'messages',
      value: messagesValue({
        contacts: [{ profile: { name }, wa_id: from }],
        messages: [{ from, id: wamid(String(message.type)), timestamp: seconds(at), ...message }],
      }),
    },
  ])
}

export function statusUpdate(id: string, recipient: string, status: string, at: number, extra: Record<string, unknown> = {}) {
  return envelope([
    {
      field: 'messages',
      value: messagesValue({
        statuses: [
          {
            id,
            status,
            timestamp: seconds(at),
            recipient_id: recipient,
            pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
            ...extra,
          },
        ],
      }),
    },
  ])
}

/** One message of every documented inbound type, with the text the inbox should show for it. */
export const inboundKinds: { type: string; message: Record<string, unknown>; text: string | null }[] = [
  { type: 'text', message: { type: 'text', text: { body: 'Hello, is my order shipped?' } }, text: 'Hello, is my order shipped?' },
  {
    type: 'image',
    message: { type: 'image', image: { caption: 'Broken box', mime_type: 'image/jpeg', sha256: 'abc=', id: '1479537139650973' } },
    text: 'Broken box',
  },
  { type: 'audio', message: { type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'def=', id: '1479537139650974', voice: true } }, text: null },
  { type: 'video', message: { type: 'video', video: { caption: 'Unboxing', mime_type: 'video/mp4', sha256: 'ghi=', id: '1479537139650975' } }, text: 'Unboxing' },
  {
    type: 'document',
    message: { type: 'document', document: { caption: 'My invoice', filename: 'invoice-42.pdf', mime_type: 'application/pdf', sha256: 'jkl=', id: '1479537139650976' } },
    text: 'invoice-42.pdf · My invoice',
  },
  { type: 'sticker', message: { type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'mno=', id: '1479537139650977', animated: false } }, text: null },
  {
    type: 'location',
    message: { type: 'location', location: { latitude: 52.5200066, longitude: 13.404954, name: 'Alexanderplatz', address: 'Alexanderplatz, 10178 Berlin' } },
    text: 'Alexanderplatz · Alexanderplatz, 10178 Berlin',
  },
  {
    type: 'contacts',
    message: {
      type: 'contacts',
      contacts: [{ name: { formatted_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' }, phones: [{ phone: '+1 555 0100', type: 'CELL', wa_id: '15550100' }] }],
    },
    text: 'Jane Doe',
  },
  {
    type: 'interactive',
    message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes-ship', title: 'Yes, ship it' } } },
    text: 'Yes, ship it',
  },
  {
    type: 'interactive',
    message: { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'slot-2', title: 'Tuesday 10:00', description: 'Morning slot' } } },
    text: 'Tuesday 10:00 · Morning slot',
  },
  {
    type: 'interactive',
    message: { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t","rating":"5"}' } } },
    text: 'flow · Sent',
  },
  { type: 'button', message: { type: 'button', button: { payload: 'STOP_PROMOS', text: 'Stop promotions' } }, text: 'Stop promotions' },
  { type: 'reaction', message: { type: 'reaction', reaction: { message_id: 'wamid.HBgLreacted', emoji: '👍' } }, text: '👍' },
  {
    type: 'order',
    message: {
      type: 'order',
      order: { catalog_id: '2906452466267331', text: 'Two of these please', product_items: [{ product_retailer_id: 'sku-1', quantity: 2, item_price: 9.99, currency: 'EUR' }] },
    },
    text: 'Two of these please',
  },
  {
    type: 'system',
    message: { type: 'system', system: { body: 'User A changed from +1 555 0100 to +1 555 0199', new_wa_id: '15550199', type: 'user_changed_number' } },
    text: 'User A changed from +1 555 0100 to +1 555 0199',
  },
  {
    type: 'unsupported',
    message: { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }] },
    text: null,
  },
]
