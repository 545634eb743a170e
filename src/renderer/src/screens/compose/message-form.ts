import {
  mediaFileProblem,
  mediaMessageKinds,
  outgoingKinds,
  outgoingMessage,
  type ContactCard,
  type MediaKind,
  type OutgoingKind,
  type OutgoingMessage,
  type TemplateParameter,
  type TemplateView,
} from '@shared/contract'
import type { TemplateForm } from './template-form'

/** The kinds the composer offers: exactly those the contract can send. */
export const kinds = outgoingKinds
export type Kind = OutgoingKind

export const kindLabels: Record<Kind, string> = {
  text: 'Text',
  template: 'Template',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  sticker: 'Sticker',
  location: 'Location',
  reaction: 'Reaction',
  contacts: 'Contact card',
  buttons: 'Reply buttons',
  list: 'List',
  cta_url: 'Link button',
}

export const isMediaKind = (kind: Kind): kind is MediaKind => (mediaMessageKinds as readonly string[]).includes(kind)

/** A file picked to send: uploaded to Meta as soon as it is picked, sent by its media id. */
export interface PickedFile {
  /** Names the upload in the core's progress events. */
  uploadId: string
  name: string
  size: number
  mimeType: string
  /** Set once Meta has the file. */
  mediaId: string | null
  /** Why the file cannot be sent as it is (too large, wrong type, the upload failed). */
  problem: string | null
}

export interface ButtonForm {
  id: string
  title: string
}

export interface RowForm {
  id: string
  title: string
  description: string
}

export interface SectionForm {
  title: string
  rows: RowForm[]
}

export interface ContactForm {
  name: string
  phone: string
  email: string
  organisation: string
}

/** Meta accepts everything but templates only inside the 24-hour customer service window. */
export const isFreeForm = (kind: Kind) => kind !== 'template'

export interface TemplateValues {
  header: Record<string, string>
  headerLink: string
  body: Record<string, string>
  buttons: Record<number, string>
}

/** Everything the operator typed, for every kind at once, so switching kinds loses nothing. */
export interface MessageForm {
  kind: Kind
  text: string
  previewUrl: boolean
  /** `name|language` of the chosen template, or ''. */
  template: string
  values: TemplateValues
  /** Media: a file picked to upload, or else `link`. */
  file: PickedFile | null
  link: string
  caption: string
  filename: string
  /** Audio: send as a voice message (OGG/Opus). */
  voice: boolean
  /** Reply buttons, lists and link buttons: their header, body and footer. */
  header: string
  body: string
  footer: string
  buttons: ButtonForm[]
  listButton: string
  sections: SectionForm[]
  ctaText: string
  ctaUrl: string
  contacts: ContactForm[]
  latitude: string
  longitude: string
  placeName: string
  address: string
  /** The wamid a reaction goes to. */
  reactTo: string
  emoji: string
  /** Send an empty emoji: takes your earlier reaction back. */
  removeReaction: boolean
  /** The wamid this message replies to, or ''. */
  replyTo: string
}

export const emptyTemplateValues: TemplateValues = { header: {}, headerLink: '', body: {}, buttons: {} }

export const emptyForm: MessageForm = {
  kind: 'text',
  text: '',
  previewUrl: false,
  template: '',
  values: emptyTemplateValues,
  file: null,
  link: '',
  caption: '',
  filename: '',
  voice: false,
  header: '',
  body: '',
  footer: '',
  buttons: [{ id: 'b1', title: '' }],
  listButton: '',
  sections: [{ title: '', rows: [{ id: 'r1', title: '', description: '' }] }],
  ctaText: '',
  ctaUrl: '',
  contacts: [{ name: '', phone: '', email: '', organisation: '' }],
  latitude: '',
  longitude: '',
  placeName: '',
  address: '',
  reactTo: '',
  emoji: '',
  removeReaction: false,
  replyTo: '',
}

/** The form after a successful send: what was sent is cleared, the choice of kind and template stays. */
export function afterSend(form: MessageForm): MessageForm {
  return { ...emptyForm, kind: form.kind, template: form.template, previewUrl: form.previewUrl }
}

export interface BuiltMessage {
  /** Ready to send, or null while something is missing or wrong. */
  message: OutgoingMessage | null
  replyTo: string | undefined
  /** Wrong values, by field (`text`, `body.1`, `button.0`, `link` …): shown next to the field. */
  problems: Record<string, string>
  /** Required fields still empty, in words: shown as one line under the form. */
  missing: string[]
}

const LIMITS = {
  text: 4096,
  caption: 1024,
  filename: 240,
  place: 1000,
  parameter: 1024,
  button: 2000,
  link: 2048,
  emoji: 16,
  interactiveBody: 1024,
  listBody: 4096,
  frame: 60,
  buttonTitle: 20,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
}
const NAMED_PARAMETER = /^[a-z0-9_]{1,60}$/

function tooLong(value: string, max: number): string | null {
  return value.length > max ? `At most ${max.toLocaleString()} characters (${value.length.toLocaleString()} now)` : null
}

function linkProblem(link: string): string | null {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return 'Not a URL: Meta downloads the file from a public http(s) link'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http(s) link Meta can download'
  return tooLong(link, LIMITS.link)
}

function coordinate(value: string, limit: number): { value: number | null; problem: string | null } {
  if (value.trim() === '') return { value: null, problem: null }
  const number = Number(value.trim())
  if (!Number.isFinite(number)) return { value: null, problem: 'A decimal number, e.g. 52.520008' }
  if (Math.abs(number) > limit) return { value: null, problem: `Between -${limit} and ${limit}` }
  return { value: number, problem: null }
}

class Collector {
  problems: Record<string, string> = {}
  missing: string[] = []

  need(value: string, label: string): boolean {
    if (value.trim() !== '') return true
    this.missing.push(label)
    return false
  }

  check(field: string, problem: string | null): void {
    if (problem) this.problems[field] = problem
  }

  get ok(): boolean {
    return this.missing.length === 0 && Object.keys(this.problems).length === 0
  }
}

function parameters(form: TemplateForm, section: 'header' | 'body', keys: string[], values: Record<string, string>, c: Collector): TemplateParameter[] {
  return keys.map((key) => {
    const value = values[key] ?? ''
    const field = `${section}.${key}`
    c.need(value, `${section} {{${key}}}`)
    c.check(field, tooLong(value, LIMITS.parameter))
    if (form.named && !NAMED_PARAMETER.test(key)) c.check(field, `Meta names parameters in lower case, digits and _ only; {{${key}}} cannot be sent`)
    return form.named ? { name: key, text: value } : value
  })
}

function templateMessage(template: TemplateView, form: TemplateForm, values: TemplateValues, c: Collector): OutgoingMessage {
  const message: Extract<OutgoingMessage, { kind: 'template' }> = { kind: 'template', name: template.name, language: template.language }
  const header = form.header
  if (header.kind === 'text' && header.placeholders.length > 0) {
    message.header = parameters(form, 'header', header.placeholders.map((p) => p.key), values.header, c)
  } else if (header.kind === 'media') {
    if (c.need(values.headerLink, `header ${header.format} link`)) c.check('headerLink', linkProblem(values.headerLink.trim()))
    message.headerMedia = { type: header.format, link: values.headerLink.trim() }
  } else if (header.kind === 'unsupported') {
    c.check('template', `Its ${header.format} header cannot be filled in here: send this template from your own integration`)
  }
  if (form.body && form.body.placeholders.length > 0) {
    message.body = parameters(form, 'body', form.body.placeholders.map((p) => p.key), values.body, c)
  }
  const buttons: NonNullable<typeof message.buttons> = []
  for (const button of form.buttons) {
    if (!button.subType || button.input === 'none') continue
    const value = values.buttons[button.index] ?? ''
    if (button.input === 'optional' && value.trim() === '') continue
    if (!c.need(value, `button “${button.text}”`)) continue
    c.check(`button.${button.index}`, tooLong(value, LIMITS.button))
    buttons.push({ index: button.index, subType: button.subType, value })
  }
  if (buttons.length > 0) message.buttons = buttons
  return message
}

/** A file by its uploaded id (once Meta has it) or by a public link, with what the kind allows beside it. */
function mediaMessage(form: MessageForm, kind: MediaKind, c: Collector): OutgoingMessage {
  const caption = form.caption.trim() ? form.caption : undefined
  let source: { mediaId: string } | { link: string }
  if (form.file) {
    c.check('file', form.file.problem ?? mediaFileProblem(kind, form.file.mimeType, form.file.size))
    if (!form.file.mediaId && !form.file.problem) c.missing.push('the upload to finish')
    source = { mediaId: form.file.mediaId ?? '' }
  } else {
    if (c.need(form.link, 'a file or its link')) c.check('link', linkProblem(form.link.trim()))
    source = { link: form.link.trim() }
  }
  if (kind === 'image' || kind === 'video' || kind === 'document') c.check('caption', tooLong(form.caption, LIMITS.caption))
  switch (kind) {
    case 'audio':
      return { kind, ...source, ...(form.voice ? { voice: true } : {}) }
    case 'sticker':
      return { kind, ...source }
    case 'document': {
      c.check('filename', tooLong(form.filename, LIMITS.filename))
      const filename = form.filename.trim() || form.file?.name
      return { kind, ...source, ...(caption ? { caption } : {}), ...(filename ? { filename } : {}) }
    }
    default:
      return { kind, ...source, ...(caption ? { caption } : {}) }
  }
}

function contactsMessage(contacts: ContactForm[], c: Collector): OutgoingMessage {
  const cards: ContactCard[] = contacts.map((contact, index) => {
    c.need(contact.name, `contact ${index + 1}'s name`)
    if (!contact.phone.trim() && !contact.email.trim()) c.missing.push(`a phone or email for contact ${index + 1}`)
    return {
      name: contact.name.trim(),
      phones: contact.phone.trim() ? [{ phone: contact.phone.trim() }] : [],
      ...(contact.email.trim() ? { emails: [contact.email.trim()] } : {}),
      ...(contact.organisation.trim() ? { organisation: contact.organisation.trim() } : {}),
    }
  })
  return { kind: 'contacts', contacts: cards }
}

/** Reply buttons, a list, or a link button: Meta's limits are checked field by field. */
function interactiveMessage(form: MessageForm, kind: 'buttons' | 'list' | 'cta_url', c: Collector): OutgoingMessage {
  c.need(form.body, 'the message')
  c.check('body', tooLong(form.body, kind === 'list' ? LIMITS.listBody : LIMITS.interactiveBody))
  c.check('header', tooLong(form.header, LIMITS.frame))
  c.check('footer', tooLong(form.footer, LIMITS.frame))
  const frame = { body: form.body, ...(form.header.trim() ? { header: form.header.trim() } : {}), ...(form.footer.trim() ? { footer: form.footer.trim() } : {}) }
  if (kind === 'buttons') {
    const buttons = form.buttons.map((button, index) => {
      c.need(button.title, `button ${index + 1}'s title`)
      c.check(`buttons.${index}`, tooLong(button.title, LIMITS.buttonTitle))
      return { id: button.id, title: button.title.trim() }
    })
    return { kind, ...frame, buttons }
  }
  if (kind === 'list') {
    c.need(form.listButton, 'the list button’s text')
    c.check('listButton', tooLong(form.listButton, LIMITS.buttonTitle))
    const sections = form.sections.map((section, s) => {
      c.check(`sections.${s}.title`, tooLong(section.title, LIMITS.sectionTitle))
      return {
        ...(section.title.trim() ? { title: section.title.trim() } : {}),
        rows: section.rows.map((row, r) => {
          c.need(row.title, `row ${r + 1}'s title`)
          c.check(`sections.${s}.rows.${r}.title`, tooLong(row.title, LIMITS.rowTitle))
          c.check(`sections.${s}.rows.${r}.description`, tooLong(row.description, LIMITS.rowDescription))
          return { id: row.id, title: row.title.trim(), ...(row.description.trim() ? { description: row.description.trim() } : {}) }
        }),
      }
    })
    return { kind, ...frame, button: form.listButton.trim(), sections }
  }
  c.need(form.ctaText, 'the button’s text')
  c.check('ctaText', tooLong(form.ctaText, LIMITS.buttonTitle))
  if (c.need(form.ctaUrl, 'the link')) c.check('ctaUrl', linkProblem(form.ctaUrl.trim()))
  return { kind, ...frame, displayText: form.ctaText.trim(), url: form.ctaUrl.trim() }
}

/**
 * Turns the form into the contract's `OutgoingMessage`, checking what the core and Meta would
 * refuse (lengths, links, coordinates, every template placeholder) before anything is sent.
 */
export function buildMessage(form: MessageForm, template: { view: TemplateView; form: TemplateForm } | null): BuiltMessage {
  const c = new Collector()
  let message: OutgoingMessage | null = null
  switch (form.kind) {
    case 'text':
      c.need(form.text, 'the message text')
      c.check('text', tooLong(form.text, LIMITS.text))
      message = { kind: 'text', body: form.text, previewUrl: form.previewUrl }
      break
    case 'template':
      if (!template) {
        c.missing.push('a template')
        break
      }
      if (template.view.status !== 'APPROVED') c.check('template', `Only approved templates can be sent; this one is ${template.view.status}`)
      message = templateMessage(template.view, template.form, form.values, c)
      break
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      message = mediaMessage(form, form.kind, c)
      break
    case 'contacts':
      message = contactsMessage(form.contacts, c)
      break
    case 'buttons':
    case 'list':
    case 'cta_url':
      message = interactiveMessage(form, form.kind, c)
      break
    case 'location': {
      const latitude = coordinate(form.latitude, 90)
      const longitude = coordinate(form.longitude, 180)
      c.need(form.latitude, 'the latitude')
      c.need(form.longitude, 'the longitude')
      c.check('latitude', latitude.problem)
      c.check('longitude', longitude.problem)
      c.check('placeName', tooLong(form.placeName, LIMITS.place))
      c.check('address', tooLong(form.address, LIMITS.place))
      if (latitude.value !== null && longitude.value !== null) {
        message = {
          kind: 'location',
          latitude: latitude.value,
          longitude: longitude.value,
          ...(form.placeName.trim() ? { name: form.placeName.trim() } : {}),
          ...(form.address.trim() ? { address: form.address.trim() } : {}),
        }
      }
      break
    }
    case 'reaction':
      c.need(form.reactTo, 'the message to react to')
      if (!form.removeReaction) {
        c.need(form.emoji, 'an emoji')
        c.check('emoji', tooLong(form.emoji.trim(), LIMITS.emoji))
      }
      message = { kind: 'reaction', messageId: form.reactTo.trim(), emoji: form.removeReaction ? '' : form.emoji.trim() }
      break
  }
  const replyTo = form.kind !== 'reaction' && form.replyTo ? form.replyTo : undefined
  // The contract's own schema has the last word: whatever the checks above missed is refused here, not by the core.
  const checked = message && c.ok ? outgoingMessage.safeParse(message) : null
  if (checked && !checked.success) for (const issue of checked.error.issues) c.check(issue.path.join('.') || 'message', issue.message)
  return { message: c.ok ? message : null, replyTo, problems: c.problems, missing: c.missing }
}
