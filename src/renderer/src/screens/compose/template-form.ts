import type { TemplateComponent, TemplateView } from '@shared/contract'

/**
 * A template as `GET /{waba-id}/message_templates` describes it, turned into what the form needs:
 * one input per placeholder of the header and body, one per button that takes a value.
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

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

/** The placeholders of a text, each once: positional ones in number order, named ones as they appear. */
export function placeholderKeys(text: string, named: boolean): string[] {
  const keys = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))]
  return named ? keys : keys.sort((a, b) => Number(a) - Number(b))
}

function placeholdersOf(component: TemplateComponent, text: string, named: boolean): Placeholder[] {
  const { positional } = component.examples
  const byName = new Map(component.examples.named.map((p) => [p.name, p.example]))
  return placeholderKeys(text, named).map((key, position) => ({
    key,
    example: named ? (byName.get(key) ?? null) : (positional[Number(key) - 1] ?? positional[position] ?? null),
  }))
}

function headerForm(component: TemplateComponent | undefined, named: boolean): HeaderForm {
  if (!component) return { kind: 'none' }
  const format = component.format ?? 'TEXT'
  if (format === 'TEXT') {
    const text = component.text ?? ''
    return { kind: 'text', text, placeholders: placeholdersOf(component, text, named) }
  }
  if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') return { kind: 'media', format: format.toLowerCase() as 'image' | 'video' | 'document' }
  return { kind: 'unsupported', format }
}

function buttonForm(button: TemplateComponent['buttons'][number], index: number): ButtonForm {
  const { type, text, url } = button
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
  const byType = (type: TemplateComponent['type']) => template.components.find((component) => component.type === type)
  const body = byType('BODY')
  const bodyText = body ? (body.text ?? '') : null
  return {
    named,
    header: headerForm(byType('HEADER'), named),
    body: body && bodyText !== null ? { text: bodyText, placeholders: placeholdersOf(body, bodyText, named) } : null,
    footer: byType('FOOTER')?.text ?? null,
    buttons: (byType('BUTTONS')?.buttons ?? []).map(buttonForm),
  }
}

/** A template's identity in the picker (name and language together). */
export const templateKey = (template: Pick<TemplateView, 'name' | 'language'>) => `${template.name}|${template.language}`
