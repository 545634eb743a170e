import { invalidParameter, missingParameter, oauthError, quoted, whatsappError, type GraphError } from '../graph-error'

type Body = Record<string, unknown>

export interface ReplyOption {
  id: string
  title: string
  description?: string
}

const INTERACTIVE_TYPES = ['button', 'list', 'cta_url', 'product', 'product_list', 'catalog_message', 'flow', 'location_request_message', 'address_message', 'call_permission_request']
/** Body text limits: 1024 characters, except list messages' 4096. */
const BODY_LIMITS: Record<string, number> = { button: 1024, cta_url: 1024, list: 4096 }

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Meta's 131009, with `error_data.details` saying which limit was crossed. */
function invalidValue(details: string): GraphError {
  return whatsappError(400, 131009, 'Parameter value is not valid', details)
}

/** Lengths count characters (code points): an emoji is one. */
function checkLength(text: unknown, what: string, min: number, max: number): void {
  const length = typeof text === 'string' ? [...text].length : 0
  if (length < min || length > max) throw invalidValue(`${what} length invalid. Min length: ${min}, Max length: ${max}`)
}

function checkUnique(values: string[], details: string): void {
  if (new Set(values).size !== values.length) throw invalidValue(details)
}

/**
 * Checks an `interactive` object as Meta does: the type and its required parts (code 100 when
 * missing), then counts and lengths (131009 with details such as "Button title length invalid.
 * Min length: 1, Max length: 20"). Returns the interactive type.
 */
export function checkInteractive(interactive: Body): string {
  const type = interactive.type
  if (typeof type !== 'string') throw missingParameter("interactive['type']")
  if (!INTERACTIVE_TYPES.includes(type)) {
    throw oauthError(400, 100, `(#100) Param interactive['type'] must be one of {${INTERACTIVE_TYPES.map((t) => t.toUpperCase()).join(', ')}} - got "${type}".`)
  }
  const action = interactive.action
  if (!isObject(action)) throw missingParameter("interactive['action']")
  const bodyLimit = BODY_LIMITS[type]
  if (bodyLimit !== undefined) {
    const bodyText = isObject(interactive.body) ? interactive.body.text : undefined
    if (typeof bodyText !== 'string' || bodyText === '') throw missingParameter("interactive['body']['text']")
    checkLength(bodyText, 'Body text', 1, bodyLimit)
  }
  const header = interactive.header
  if (isObject(header) && header.type === 'text') checkLength(header.text, 'Header text', 1, 60)
  if (isObject(interactive.footer)) checkLength(interactive.footer.text, 'Footer text', 1, 60)
  if (type === 'button') checkButtons(action)
  if (type === 'list') checkList(action)
  if (type === 'cta_url') checkCallToAction(action)
  return type
}

function checkButtons(action: Body): void {
  const buttons = action.buttons
  if (!Array.isArray(buttons)) throw missingParameter("interactive['action']['buttons']")
  if (buttons.length < 1 || buttons.length > 3) throw invalidValue('Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3')
  const replies = buttons.map((button: unknown, index) => {
    const reply = isObject(button) && isObject(button.reply) ? button.reply : undefined
    if (!reply || typeof reply.id !== 'string' || typeof reply.title !== 'string') {
      throw missingParameter(`interactive['action']['buttons'][${index}]['reply']['id'] and ['title']`)
    }
    if (isObject(button) && button.type !== undefined && button.type !== 'reply') {
      throw oauthError(400, 100, `(#100) Param interactive['action']['buttons'][${index}]['type'] must be one of {REPLY} - got "${quoted(button.type)}".`)
    }
    checkLength(reply.title, 'Button title', 1, 20)
    checkLength(reply.id, 'Button id', 1, 256)
    return { id: reply.id, title: reply.title }
  })
  checkUnique(
    replies.map((reply) => reply.title),
    'Button titles must be unique',
  )
  checkUnique(
    replies.map((reply) => reply.id),
    'Button ids must be unique',
  )
}

function checkList(action: Body): void {
  if (typeof action.button !== 'string') throw missingParameter("interactive['action']['button']")
  checkLength(action.button, 'Button text', 1, 20)
  const sections = action.sections
  if (!Array.isArray(sections)) throw missingParameter("interactive['action']['sections']")
  if (sections.length < 1 || sections.length > 10) throw invalidValue('Invalid sections count. Min allowed sections: 1, Max allowed sections: 10')
  const rowIds: string[] = []
  sections.forEach((section: unknown, sectionIndex) => {
    if (!isObject(section) || !Array.isArray(section.rows)) throw missingParameter(`interactive['action']['sections'][${sectionIndex}]['rows']`)
    // A title is required once there is more than one section.
    if (sections.length > 1 || section.title !== undefined) checkLength(section.title, 'Section title', 1, 24)
    section.rows.forEach((row: unknown, rowIndex) => {
      if (!isObject(row) || typeof row.id !== 'string' || typeof row.title !== 'string') {
        throw missingParameter(`interactive['action']['sections'][${sectionIndex}]['rows'][${rowIndex}]['id'] and ['title']`)
      }
      checkLength(row.title, 'Row title', 1, 24)
      checkLength(row.id, 'Row id', 1, 200)
      if (row.description !== undefined) checkLength(row.description, 'Row description', 0, 72)
      rowIds.push(row.id)
    })
  })
  if (rowIds.length < 1 || rowIds.length > 10) throw invalidValue('Invalid rows count. Min allowed rows: 1, Max allowed rows: 10')
  checkUnique(rowIds, 'Row ids must be unique')
}

function checkCallToAction(action: Body): void {
  if (action.name === undefined) throw missingParameter("interactive['action']['name']")
  if (action.name !== 'cta_url') throw oauthError(400, 100, `(#100) Param interactive['action']['name'] must be one of {CTA_URL} - got "${quoted(action.name)}".`)
  const parameters = isObject(action.parameters) ? action.parameters : undefined
  if (!parameters || typeof parameters.display_text !== 'string' || typeof parameters.url !== 'string') {
    throw missingParameter("interactive['action']['parameters']['display_text'] and ['url']")
  }
  checkLength(parameters.display_text, 'Display text', 1, 20)
  let url: URL | undefined
  try {
    url = new URL(parameters.url)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalidParameter("Param interactive['action']['parameters']['url'] must be a valid URL")
}

/** The choices a customer can tap: reply buttons, or list rows. */
export function interactiveOptions(interactive: Body): ReplyOption[] {
  const action = isObject(interactive.action) ? interactive.action : {}
  if (interactive.type === 'button' && Array.isArray(action.buttons)) {
    return action.buttons.flatMap((button: unknown) => {
      const reply = isObject(button) && isObject(button.reply) ? button.reply : undefined
      return reply ? [{ id: String(reply.id), title: String(reply.title) }] : []
    })
  }
  if (interactive.type === 'list' && Array.isArray(action.sections)) {
    return action.sections.flatMap((section: unknown) =>
      isObject(section) && Array.isArray(section.rows)
        ? section.rows.flatMap((row: unknown) =>
            isObject(row) ? [{ id: String(row.id), title: String(row.title), ...(typeof row.description === 'string' ? { description: row.description } : {}) }] : [],
          )
        : [],
    )
  }
  return []
}
