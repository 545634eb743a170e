import type { TemplateView } from '@shared/contract'

/**
 * A template as `GET /{waba-id}/message_templates` describes it, turned into what the form needs:
 * one input per placeholder of the header and body, one per button that takes a value.
 * Components are Meta's JSON, so every field is read defensively.
 */
export interface Placeholder {
  /** `1`, `2` … (POSITIONAL) or the parameter's name (NAMED). */
  key: string
  /** The template's own example value, as a hint. */
  example: string | null
}

export type HeaderForm =
  | { kind: 'none' }
  | { kind: 'text'; text: string; placeholders: Placeholder[] }
  | { kind: 'media'; format: 'image' | 'video' | 'document' }
  /** A header the composer cannot fill (e.g. LOCATION): the template cannot be sent from here. */
  | { kind: 'unsupported'; format: string }

export type ButtonInput = 'required' | 'optional' | 'none'

export interface ButtonForm {
  index: number
  /** Meta's button type: URL, QUICK_REPLY, COPY_CODE, OTP, PHONE_NUMBER … */
  type: string
  text: string
  /** What the send carries for this button, when it carries anything. */
  subType: 'url' | 'quick_reply' | 'copy_code' | null
  input: ButtonInput
  url: string | null
}

export interface TemplateForm {
  named: boolean
  header: HeaderForm
  body: { text: string; placeholders: Placeholder[] } | null
  footer: string | null
  buttons: ButtonForm[]
}

type Json = Record<string, unknown>

const obj = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

/** The placeholders of a text, each once: positional ones in number order, named ones as they appear. */
export function placeholderKeys(text: string, named: boolean): string[] {
  const keys = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))]
  return named ? keys : keys.sort((a, b) => Number(a) - Number(b))
}

/** Examples come as `body_text: [[…]]` / `header_text: […]` (positional) or `…_named_params: [{param_name, example}]`. */
function examplesOf(component: Json, section: 'body' | 'header'): { positional: string[]; named: Map<string, string> } {
  const example = obj(component.example) ?? {}
  const positionalRaw = section === 'body' ? arr(example.body_text)[0] : example.header_text
  const positional = arr(positionalRaw).map((value) => String(value))
  const named = new Map<string, string>()
  for (const item of arr(example[`${section}_text_named_params`])) {
    const name = str(obj(item)?.param_name)
    const value = obj(item)?.example
    if (name && (typeof value === 'string' || typeof value === 'number')) named.set(name, String(value))
  }
  return { positional, named }
}

function placeholdersOf(component: Json, text: string, named: boolean, section: 'body' | 'header'): Placeholder[] {
  const examples = examplesOf(component, section)
  return placeholderKeys(text, named).map((key, position) => ({
    key,
    example: named ? (examples.named.get(key) ?? null) : (examples.positional[Number(key) - 1] ?? examples.positional[position] ?? null),
  }))
}

function headerForm(component: Json | undefined, named: boolean): HeaderForm {
  if (!component) return { kind: 'none' }
  const format = (str(component.format) ?? 'TEXT').toUpperCase()
  if (format === 'TEXT') {
    const text = str(component.text) ?? ''
    return { kind: 'text', text, placeholders: placeholdersOf(component, text, named, 'header') }
  }
  if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') return { kind: 'media', format: format.toLowerCase() as 'image' | 'video' | 'document' }
  return { kind: 'unsupported', format }
}

function buttonForm(button: Json, index: number): ButtonForm {
  const type = (str(button.type) ?? 'UNKNOWN').toUpperCase()
  const text = str(button.text) ?? ''
  const url = str(button.url)
  switch (type) {
    case 'URL': {
      const dynamic = url !== null && placeholderKeys(url, false).length > 0
      return { index, type, text, url, subType: dynamic ? 'url' : null, input: dynamic ? 'required' : 'none' }
    }
    case 'QUICK_REPLY':
      // The payload comes back in the customer's `button` message; without one Meta sends the button text.
      return { index, type, text, url: null, subType: 'quick_reply', input: 'optional' }
    case 'COPY_CODE':
      return { index, type, text: text || 'Copy offer code', url: null, subType: 'copy_code', input: 'required' }
    case 'OTP':
      // Authentication templates: the code goes with the button as a `url` parameter (Meta lists such buttons as URL once created).
      return { index, type, text: text || 'Copy code', url: null, subType: 'url', input: 'required' }
    default:
      return { index, type, text, url, subType: null, input: 'none' }
  }
}

export function templateForm(template: TemplateView): TemplateForm {
  const named = template.parameterFormat === 'NAMED'
  const components = template.components.map((component) => obj(component) ?? {})
  const byType = (type: string) => components.find((component) => str(component.type)?.toUpperCase() === type)
  const body = byType('BODY')
  const bodyText = body ? (str(body.text) ?? '') : null
  const buttons = arr(byType('BUTTONS')?.buttons).map((button, index) => buttonForm(obj(button) ?? {}, index))
  return {
    named,
    header: headerForm(byType('HEADER'), named),
    body: body && bodyText !== null ? { text: bodyText, placeholders: placeholdersOf(body, bodyText, named, 'body') } : null,
    footer: str(byType('FOOTER')?.text),
    buttons,
  }
}

/** A template's identity in the picker (name and language together). */
export const templateKey = (template: Pick<TemplateView, 'name' | 'language'>) => `${template.name}|${template.language}`
