import { mediaKinds, type MediaKind, type MessageContent, type MessageError } from '@shared/contract'
import {
  buttonShape,
  changeShape,
  contactCardShape,
  interactiveShape,
  locationShape,
  mediaShape,
  metaErrorShape,
  orderShape,
  reactionShape,
  systemShape,
  templateShape,
  textShape,
} from './meta-shapes'

type Json = Record<string, unknown>

const isMedia = (type: string): type is MediaKind => (mediaKinds as readonly string[]).includes(type)
const orNull = <T>(value: T | undefined): T | null => value ?? null

/** Meta's `errors` array, readable: code, title, details. Anything that is not an error object is left out. */
export function errorDetails(errors: unknown): MessageError[] {
  return (Array.isArray(errors) ? errors : []).flatMap((item) => {
    const parsed = metaErrorShape.safeParse(item)
    if (!parsed.success) return []
    const { code, title, message, error_data: data } = parsed.data
    const heading = title ?? message ?? 'No description'
    return [{ code: code === undefined ? null : Math.trunc(code), title: heading, details: data?.details ?? (message !== heading ? orNull(message) : null) }]
  })
}

/** A flow's answers, without the flow's own token. */
function flowAnswers(responseJson: string | undefined): { name: string; value: string }[] {
  if (!responseJson) return []
  try {
    const answers: unknown = JSON.parse(responseJson)
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return []
    return Object.entries(answers)
      .filter(([name]) => name !== 'flow_token')
      .map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) }))
  } catch {
    return [{ name: 'response', value: responseJson }]
  }
}

function interactive(payload: Json): MessageContent {
  const part = interactiveShape.parse(payload.interactive) ?? {}
  const reply = part.button_reply ?? part.list_reply
  if (reply) return { kind: 'reply', to: part.button_reply ? 'button' : 'list', id: orNull(reply.id), title: orNull(reply.title), description: orNull(reply.description), answers: [] }
  if (part.nfm_reply) {
    const flow = part.nfm_reply
    return { kind: 'reply', to: 'flow', id: null, title: orNull(flow.name), description: orNull(flow.body), answers: flowAnswers(flow.response_json) }
  }
  const action = part.action
  const options = [
    ...(action?.button ?? action?.parameters?.display_text ? [(action.button ?? action.parameters?.display_text) as string] : []),
    ...(action?.buttons ?? []).flatMap((button) => [button.reply?.title ?? button.title].filter((title): title is string => title !== undefined)),
    ...(action?.sections ?? []).flatMap((section) => section.rows.flatMap((row) => (row.title ? [row.title] : []))),
  ]
  return { kind: 'interactive', interactiveType: orNull(part.type), header: orNull(part.header?.text), body: orNull(part.body?.text), footer: orNull(part.footer?.text), options }
}

function template(payload: Json): MessageContent {
  const part = templateShape.parse(payload.template)
  const language = typeof part?.language === 'string' ? part.language : orNull(part?.language?.code)
  const values = (part?.components ?? []).flatMap((component) =>
    component.parameters.flatMap((parameter) => {
      const media = parameter.type ? parameter[parameter.type] : undefined
      const link = media && typeof media === 'object' && typeof (media as Json).link === 'string' ? ((media as Json).link as string) : undefined
      const value = parameter.text ?? parameter.payload ?? parameter.coupon_code ?? link
      return value === undefined ? [] : [value]
    }),
  )
  return { kind: 'template', name: part?.name ?? '?', language, values }
}

/**
 * What a message says, from its `type` and Meta's object for it (a webhook's message, or the body
 * the composer sent). Never throws: a shape it cannot read is `unknown`, kept raw.
 */
export function readContent(type: string, payload: unknown): MessageContent {
  const message: Json = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Json) : {}
  if (isMedia(type)) {
    const media = mediaShape.parse(message[type]) ?? {}
    return {
      kind: 'media',
      media: type,
      id: orNull(media.id),
      link: orNull(media.link ?? media.url),
      mimeType: orNull(media.mime_type),
      sha256: orNull(media.sha256),
      caption: orNull(media.caption),
      filename: orNull(media.filename),
      voice: media.voice === true,
      animated: media.animated === true,
    }
  }
  switch (type) {
    case 'text': {
      const part = textShape.parse(message.text)
      return part?.body === undefined ? { kind: 'unknown', type, raw: payload } : { kind: 'text', body: part.body, previewUrl: part.preview_url === true }
    }
    case 'location': {
      const part = locationShape.parse(message.location) ?? {}
      return { kind: 'location', latitude: orNull(part.latitude), longitude: orNull(part.longitude), name: orNull(part.name), address: orNull(part.address), url: orNull(part.url) }
    }
    case 'contacts':
      return {
        kind: 'contacts',
        cards: (Array.isArray(message.contacts) ? message.contacts : []).flatMap((item) => {
          const card = contactCardShape.safeParse(item)
          if (!card.success) return []
          const { name, org, phones, emails } = card.data
          return [
            {
              name: name?.formatted_name ?? ([name?.first_name, name?.last_name].filter(Boolean).join(' ') || 'No name'),
              organisation: orNull(org?.company),
              phones: phones.flatMap((p) => (p.phone ?? p.wa_id ? [{ phone: (p.phone ?? p.wa_id) as string, waId: orNull(p.wa_id), type: orNull(p.type) }] : [])),
              emails: emails.flatMap((e) => (e.email ? [e.email] : [])),
            },
          ]
        }),
      }
    case 'interactive':
      return interactive(message)
    case 'button': {
      const part = buttonShape.parse(message.button) ?? {}
      return { kind: 'button', text: part.text ?? '(no text)', payload: orNull(part.payload) }
    }
    case 'reaction': {
      const part = reactionShape.parse(message.reaction) ?? {}
      return { kind: 'reaction', messageId: orNull(part.message_id), emoji: part.emoji ? part.emoji : null }
    }
    case 'order': {
      const part = orderShape.parse(message.order)
      const items = (part?.product_items ?? []).map((item) => ({
        productRetailerId: item.product_retailer_id ?? '?',
        quantity: orNull(item.quantity),
        itemPrice: orNull(item.item_price),
        currency: orNull(item.currency),
      }))
      return { kind: 'order', catalogId: orNull(part?.catalog_id), text: orNull(part?.text), items }
    }
    case 'system': {
      const part = systemShape.parse(message.system) ?? {}
      return { kind: 'system', body: part.body ?? 'System message', systemType: orNull(part.type), newPhone: orNull(part.wa_id ?? part.new_wa_id), newUserId: orNull(part.user_id) }
    }
    case 'template':
      return template(message)
    case 'edit':
    case 'revoke':
      return { kind: 'change', change: type, target: orNull(changeShape.parse(message[type])?.original_message_id) }
    case 'unsupported':
      return { kind: 'unsupported', errors: errorDetails(message.errors) }
    case 'request_welcome':
      return { kind: 'welcome' }
    case 'external':
      return { kind: 'external' }
    default:
      return { kind: 'unknown', type, raw: payload }
  }
}
