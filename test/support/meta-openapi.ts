import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'

/**
 * Meta's OpenAPI description of the WhatsApp Business Platform (v23.0), loaded from
 * `process.env.META_OPENAPI` or `../shared/meta-openapi/` beside the repository (never copied into
 * it), with JSON Schema validators for responses, request bodies, webhook payloads and components.
 *
 * The v23.0 file has places where it contradicts Meta's documentation or cannot validate anything
 * at all; `SPEC_REPAIRS` lists each correction applied (pass `{ repairs: false }` to see the file as
 * it is). Newer documentation wins, as the project's rules say.
 */

export interface SpecRepair {
  where: string
  problem: string
  repair: string
}

export const SPEC_REPAIRS: readonly SpecRepair[] = [
  {
    where: 'every `allOf` whose branch sets `additionalProperties: false` (TextMessage, AudioMessage, … ContactsMessage)',
    problem:
      'In JSON Schema, `additionalProperties` in one allOf branch only sees that branch’s own properties, so `messaging_product`, `to` and `type` from BaseMessageProperties count as "additional": no request body can validate.',
    repair: 'Moved to `unevaluatedProperties: false` on the composed schema, which is what the spec evidently means.',
  },
  {
    where: 'BaseMessageProperties.required',
    problem: 'Lists `recipient_type`, which Meta’s send-message docs mark optional (default `individual`).',
    repair: 'Dropped `recipient_type` from `required`.',
  },
  {
    where: 'LanguageObject.required',
    problem: 'Lists `policy`, which the docs mark optional (only `deterministic` exists and it is the default).',
    repair: 'Dropped `policy` from `required`.',
  },
  {
    where: 'TemplateComponent.properties.index',
    problem: 'The pattern `^[2-6, 11-14]$` is a single-character class that rejects index 0; the docs allow button index 0–9 as string or number.',
    repair: 'Replaced by a string or integer 0–9.',
  },
  {
    where: 'Statuses.properties.status.enum',
    problem: 'Lacks `played`, which the status webhook reference documents for voice messages.',
    repair: 'Added `played`.',
  },
  {
    where: 'IncomingMessage and SystemMessage (webhook `messages[]` items)',
    problem:
      'They reuse the outbound message schemas (requiring `to` and `recipient_type`, forbidding `from`, `id`, `timestamp`), so no real inbound webhook validates.',
    repair: 'Replaced by a schema of the inbound message as the `messages` webhook reference documents it (from, id, timestamp, type and the type’s object).',
  },
  {
    where: 'WhatsAppBusinessAccountPhoneNumber.required',
    problem:
      'Requires `status` on every item of `GET /{waba-id}/phone_numbers`, which Meta’s docs do not list among the default fields (and whose documented values, e.g. CONNECTED, this enum lacks).',
    repair: 'Dropped `status` from `required`; when present it is still checked against the enum.',
  },
  {
    where: '`discriminator` keywords',
    problem: 'OpenAPI annotations whose `mapping` Ajv cannot evaluate.',
    repair: 'Removed; the `oneOf` they annotate still applies.',
  },
]

export interface SpecValidation {
  valid: boolean
  errors: string[]
}

export interface MetaOpenApi {
  readonly file: string
  readonly version: string
  readonly repaired: boolean
  hasResponseSchema(method: string, pathTemplate: string, status: number): boolean
  validateResponse(method: string, pathTemplate: string, status: number, body: unknown): SpecValidation
  validateRequestBody(method: string, pathTemplate: string, body: unknown): SpecValidation
  /** A POSTed webhook body, against `POST /whatsapp/webhooks`' request schema (WebhookPayload). */
  validateWebhook(payload: unknown): SpecValidation
  validateSchema(componentName: string, value: unknown): SpecValidation
}

export type MetaOpenApiLoad = { spec: MetaOpenApi; skipReason?: undefined } | { spec?: undefined; skipReason: string }

const projectRoot = join(import.meta.dirname, '..', '..')
const SPEC_ID = 'meta-openapi.json'
const cache = new Map<boolean, MetaOpenApiLoad>()

export function metaSpecFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.META_OPENAPI ? resolve(env.META_OPENAPI) : resolve(projectRoot, '..', 'shared', 'meta-openapi', 'business-messaging-api_v23.0.yaml')
}

/** Loads (once) and compiles the spec; where the file is absent, says why so tests can skip aloud. */
export function loadMetaOpenApi(options: { repairs?: boolean } = {}): MetaOpenApiLoad {
  const repairs = options.repairs ?? true
  const cached = cache.get(repairs)
  if (cached) return cached
  const file = metaSpecFile()
  let result: MetaOpenApiLoad
  if (!existsSync(file)) {
    result = { skipReason: `Meta's OpenAPI spec not found at ${file} (set META_OPENAPI to its path; CI has it in ../shared/meta-openapi/)` }
  } else {
    const document = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as OpenApiDocument
    result = { spec: buildSpec(file, document, repairs) }
  }
  cache.set(repairs, result)
  return result
}

type Json = Record<string, unknown>
interface OpenApiDocument extends Json {
  info: { version: string }
  paths: Record<string, Record<string, Json>>
  components: { schemas: Record<string, Json> }
}

function buildSpec(file: string, document: OpenApiDocument, repairs: boolean): MetaOpenApi {
  rewriteLocalRefs(document)
  if (repairs) applyRepairs(document)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
  addFormats(ajv)
  ajv.addFormat('url', /^[a-z][a-z0-9+.-]*:\/\/\S+$/i)
  for (const name of ['float', 'double', 'int32', 'int64', 'binary', 'byte', 'password']) ajv.addFormat(name, true)
  ajv.addSchema(document, SPEC_ID)

  const compiled = new Map<string, ValidateFunction>()
  const validatorFor = (key: string, schema: Json): ValidateFunction => {
    let validate = compiled.get(key)
    if (!validate) {
      validate = ajv.compile(schema)
      compiled.set(key, validate)
    }
    return validate
  }
  const run = (validate: ValidateFunction, value: unknown): SpecValidation => {
    const valid = validate(value)
    return { valid, errors: valid ? [] : formatErrors(validate.errors ?? []) }
  }
  const operation = (method: string, pathTemplate: string): Json => {
    const found = document.paths[pathTemplate]?.[method.toLowerCase()]
    if (!found) throw new Error(`Meta's spec has no ${method.toUpperCase()} ${pathTemplate}`)
    return found
  }
  const responseSchema = (method: string, pathTemplate: string, status: number): Json | undefined => {
    const responses = operation(method, pathTemplate).responses as Record<string, Json> | undefined
    const content = responses?.[String(status)]?.content as Record<string, { schema?: Json }> | undefined
    return content?.['application/json']?.schema
  }

  return {
    file,
    version: document.info.version,
    repaired: repairs,
    hasResponseSchema: (method, pathTemplate, status) => responseSchema(method, pathTemplate, status) !== undefined,
    validateResponse(method, pathTemplate, status, body) {
      const schema = responseSchema(method, pathTemplate, status)
      if (!schema) throw new Error(`Meta's spec describes no JSON ${status} response for ${method.toUpperCase()} ${pathTemplate}`)
      return run(validatorFor(`response ${method} ${pathTemplate} ${status}`, schema), body)
    },
    validateRequestBody(method, pathTemplate, body) {
      const requestBody = operation(method, pathTemplate).requestBody as { content?: Record<string, { schema?: Json }> } | undefined
      const schema = requestBody?.content?.['application/json']?.schema
      if (!schema) throw new Error(`Meta's spec describes no JSON request body for ${method.toUpperCase()} ${pathTemplate}`)
      return run(validatorFor(`request ${method} ${pathTemplate}`, schema), body)
    },
    validateWebhook(payload) {
      return this.validateRequestBody('POST', '/whatsapp/webhooks', payload)
    },
    validateSchema(componentName, value) {
      if (!document.components.schemas[componentName]) throw new Error(`Meta's spec has no component schema ${componentName}`)
      return run(validatorFor(`component ${componentName}`, { $ref: `${SPEC_ID}#/components/schemas/${componentName}` }), value)
    },
  }
}

function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`)
}

/** Local `#/…` references become references into the registered document, so any sub-schema compiles alone. */
function rewriteLocalRefs(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(rewriteLocalRefs)
  if (typeof node !== 'object' || node === null) return
  const object = node as Json
  if (typeof object.$ref === 'string' && object.$ref.startsWith('#/')) object.$ref = `${SPEC_ID}${object.$ref}`
  for (const value of Object.values(object)) rewriteLocalRefs(value)
}

function applyRepairs(document: OpenApiDocument): void {
  const schemas = document.components.schemas
  walk(document, (object) => {
    delete object.discriminator
    if (Array.isArray(object.allOf)) {
      for (const branch of object.allOf as Json[]) {
        if (branch.additionalProperties === false) {
          delete branch.additionalProperties
          object.unevaluatedProperties = false
        }
      }
    }
  })
  const base = schemas.BaseMessageProperties as { required: string[] }
  base.required = base.required.filter((name) => name !== 'recipient_type')
  const language = schemas.LanguageObject as { required: string[] }
  language.required = language.required.filter((name) => name !== 'policy')
  const component = schemas.TemplateComponent as { properties: Json }
  component.properties.index = { anyOf: [{ type: 'string', pattern: '^[0-9]$' }, { type: 'integer', minimum: 0, maximum: 9 }] }
  const listedNumber = schemas.WhatsAppBusinessAccountPhoneNumber as { required: string[] }
  listedNumber.required = listedNumber.required.filter((name) => name !== 'status')
  const statuses = schemas.Statuses as { properties: { status: { enum: string[] } } }
  statuses.properties.status.enum = [...statuses.properties.status.enum, 'played']
  schemas.IncomingMessage = inboundMessageSchema()
  schemas.SystemMessage = inboundMessageSchema()
}

function walk(node: unknown, visit: (object: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => walk(item, visit))
  if (typeof node !== 'object' || node === null) return
  visit(node as Json)
  for (const value of Object.values(node as Json)) walk(value, visit)
}

const media = (extra: Json = {}): Json => ({
  type: 'object',
  required: ['id', 'mime_type'],
  properties: { id: { type: 'string' }, mime_type: { type: 'string' }, sha256: { type: 'string' }, caption: { type: 'string' }, url: { type: 'string' }, ...extra },
})

/** An inbound message as Meta's `messages` webhook reference describes it, per type. */
function inboundMessageSchema(): Json {
  const objects: Record<string, Json> = {
    text: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
    image: media(),
    video: media(),
    audio: media({ voice: { type: 'boolean' } }),
    document: media({ filename: { type: 'string' } }),
    sticker: media({ animated: { type: 'boolean' } }),
    location: {
      type: 'object',
      required: ['latitude', 'longitude'],
      properties: { latitude: { type: 'number' }, longitude: { type: 'number' }, name: { type: 'string' }, address: { type: 'string' }, url: { type: 'string' } },
    },
    contacts: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['name'], properties: { name: { type: 'object', required: ['formatted_name'] }, phones: { type: 'array' } } },
    },
    interactive: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { enum: ['button_reply', 'list_reply', 'nfm_reply'] },
        button_reply: { type: 'object', required: ['id', 'title'] },
        list_reply: { type: 'object', required: ['id', 'title'] },
      },
    },
    button: { type: 'object', required: ['payload', 'text'], properties: { payload: { type: 'string' }, text: { type: 'string' } } },
    reaction: { type: 'object', required: ['message_id'], properties: { message_id: { type: 'string' }, emoji: { type: 'string' } } },
    order: {
      type: 'object',
      required: ['catalog_id', 'product_items'],
      properties: {
        catalog_id: { type: 'string' },
        text: { type: 'string' },
        product_items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['product_retailer_id', 'quantity', 'item_price', 'currency'],
            properties: { product_retailer_id: { type: 'string' }, quantity: { type: 'integer' }, item_price: { type: 'number' }, currency: { type: 'string' } },
          },
        },
      },
    },
    system: { type: 'object', required: ['body', 'type'], properties: { body: { type: 'string' }, wa_id: { type: 'string' }, type: { type: 'string' } } },
  }
  const typeOf: Record<string, string> = { unsupported: 'errors', unknown: 'errors' }
  const kinds = [...Object.keys(objects), 'unsupported', 'unknown']
  return {
    type: 'object',
    required: ['from', 'id', 'timestamp', 'type'],
    properties: {
      from: { type: 'string', pattern: '^[0-9]+$' },
      id: { type: 'string', pattern: '^wamid\\.' },
      timestamp: { type: 'string', pattern: '^[0-9]+$' },
      type: { enum: kinds },
      context: { type: 'object', required: ['id'], properties: { from: { type: 'string' }, id: { type: 'string' } } },
      errors: { type: 'array', items: { type: 'object', required: ['code', 'title'] } },
      ...objects,
    },
    allOf: kinds.map((kind) => ({ if: { properties: { type: { const: kind } } }, then: { required: [typeOf[kind] ?? kind] } })),
  }
}
