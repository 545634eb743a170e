import { type GraphError, missingParameter, whatsappError } from '../graph-error'
import type { Recipient } from './recipient'
import { findTemplate, variableCount, type TemplateButton, type TemplateTranslation } from './template-catalogue'

interface RequestComponent {
  type?: unknown
  sub_type?: unknown
  index?: unknown
  parameters?: unknown
}

/**
 * Checks a `template` send the way Meta does synchronously: the name must exist in the language
 * (132001), and every component must carry as many parameters as the template defines (132000),
 * of the right format (132012); dynamic URL buttons need theirs (131008).
 */
export function checkTemplateSend(template: Record<string, unknown>): TemplateTranslation {
  const name = template.name
  if (typeof name !== 'string' || name === '') throw missingParameter("template['name']")
  const language = template.language
  const code = typeof language === 'object' && language !== null ? (language as Record<string, unknown>).code : undefined
  if (typeof code !== 'string' || code === '') throw missingParameter("template['language']['code']")
  const translation = findTemplate(name).find((candidate) => candidate.language === code)
  if (!translation) {
    throw whatsappError(404, 132001, 'Template name does not exist in the translation', `template name (${name}) does not exist in ${code}`)
  }
  const given = template.components === undefined ? [] : template.components
  if (!Array.isArray(given)) throw whatsappError(400, 100, 'Invalid parameter', "template['components'] must be an array")
  const components = given as RequestComponent[]
  checkHeader(translation, components.filter((component) => component.type === 'header'))
  checkBody(translation, components.filter((component) => component.type === 'body'))
  checkButtons(translation, components.filter((component) => component.type === 'button'))
  return translation
}

function parametersOf(components: RequestComponent[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const component of components) {
    if (component.parameters === undefined) continue
    if (!Array.isArray(component.parameters)) throw whatsappError(400, 100, 'Invalid parameter', 'parameters must be an array')
    out.push(...(component.parameters as Record<string, unknown>[]))
  }
  return out
}

function countMismatch(section: string, given: number, expected: number): GraphError {
  return whatsappError(
    400,
    132000,
    'Number of parameters does not match the expected number of params',
    `${section}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
  )
}

function checkHeader(template: TemplateTranslation, components: RequestComponent[]): void {
  const header = template.components.find((component) => component.type === 'HEADER')
  const parameters = parametersOf(components)
  if (!header || header.format === 'TEXT') {
    const expected = header?.format === 'TEXT' ? variableCount(header.text) : 0
    if (parameters.length !== expected) throw countMismatch('header', parameters.length, expected)
    return
  }
  const received = parameters[0]?.type
  if (parameters.length !== 1 || typeof received !== 'string' || received.toUpperCase() !== header.format) {
    throw whatsappError(
      400,
      132012,
      'Parameter format does not match format in the created template',
      `header: Format mismatch, expected ${header.format}, received ${typeof received === 'string' ? received.toUpperCase() : 'UNKNOWN'}`,
    )
  }
}

function checkBody(template: TemplateTranslation, components: RequestComponent[]): void {
  const body = template.components.find((component) => component.type === 'BODY')
  const expected = body?.type === 'BODY' ? variableCount(body.text) : 0
  const given = parametersOf(components).length
  if (given !== expected) throw countMismatch('body', given, expected)
}

function checkButtons(template: TemplateTranslation, components: RequestComponent[]): void {
  const section = template.components.find((component) => component.type === 'BUTTONS')
  const buttons: TemplateButton[] = section?.type === 'BUTTONS' ? section.buttons : []
  buttons.forEach((button, index) => {
    const needsParameter = (button.type === 'URL' && variableCount(button.url) > 0) || button.type === 'OTP'
    const supplied = components.find((component) => Number(component.index) === index)
    const given = supplied ? parametersOf([supplied]).length : 0
    if (needsParameter && given === 0) {
      throw whatsappError(400, 131008, 'Required parameter is missing', `buttons: Button at index ${index} of type Url requires a parameter`)
    }
    if (given > 1) throw countMismatch('button', given, 1)
  })
  for (const component of components) {
    const index = Number(component.index)
    if (!Number.isInteger(index) || index < 0 || index >= buttons.length) {
      throw whatsappError(400, 100, 'Invalid parameter', `button: Button at index ${String(component.index)} does not exist in the template`)
    }
  }
}

/** Quick-reply buttons of the template (for customers answering with a `button` message). */
export function quickReplies(template: TemplateTranslation): { id: string; title: string }[] {
  const section = template.components.find((component) => component.type === 'BUTTONS')
  if (section?.type !== 'BUTTONS') return []
  return section.buttons.filter((button) => button.type === 'QUICK_REPLY').map((button) => ({ id: button.text, title: button.text }))
}

/** One-tap, zero-tap and copy-code authentication templates cannot go to a BSUID (131062). */
export function checkTemplateRecipient(template: TemplateTranslation, recipient: Recipient): void {
  if (recipient.kind !== 'user_id' || template.category !== 'AUTHENTICATION') return
  const section = template.components.find((component) => component.type === 'BUTTONS')
  if (section?.type !== 'BUTTONS' || !section.buttons.some((button) => button.type === 'OTP')) return
  throw whatsappError(
    400,
    131062,
    'Business-scoped User ID (BSUID) recipients are not supported for this message.',
    'One-tap, zero-tap and copy-code authentication templates must be sent to a phone number in to.',
  )
}
