import type { z } from 'zod'
import {
  calls,
  isCallName,
  SwitchboardError,
  type AppError,
  type CallName,
  type CallResult,
  type Envelope,
  type ParsedInput,
} from '@shared/contract'
import type { Logger, Redactor } from './log'

export type Handler<K extends CallName> = (input: ParsedInput<K>) => Promise<CallResult<K>> | CallResult<K>
export type Handlers = { [K in CallName]: Handler<K> }

export interface DispatchOptions {
  handlers: Handlers
  log: Logger
  redactor: Redactor
  /** Check every result against its schema too (tests and development): drift fails loudly. */
  validateResults?: boolean
}

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope<unknown>>

/**
 * The single entry for every transport. Unknown names and invalid inputs are answered with a typed
 * error before any handler runs; handler failures become `{code, message}` values, never stacks.
 */
export function createDispatch(options: DispatchOptions): Dispatch {
  const { handlers, log, redactor } = options
  return async (name, input) => {
    if (!isCallName(name)) {
      return failure({ code: 'unknown_call', message: `There is no call named ${describe(name)}` })
    }
    const spec = calls[name]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return failure(invalidInput(name, parsed.error))
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      if (options.validateResults) {
        const checked = spec.result.safeParse(value)
        if (!checked.success) {
          log.error('handler result does not match the contract', { call: name, issues: checked.error.issues })
          return failure({ code: 'internal', message: `${name} returned a result outside the contract` })
        }
      }
      return { ok: true, value }
    } catch (error) {
      if (error instanceof SwitchboardError) return failure(scrub(error.toJSON(), redactor))
      const message = error instanceof Error ? error.message : String(error)
      log.error('call failed', { call: name, error: message, stack: error instanceof Error ? error.stack : undefined })
      return failure(scrub({ code: 'internal', message: `${name} failed: ${message}` }, redactor))
    }
  }
}

function failure(error: AppError): Envelope<never> {
  return { ok: false, error }
}

function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `of type ${typeof name}`
}

function invalidInput(name: CallName, error: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(input)'
    fields[path] ??= issue.message
  }
  const first = Object.entries(fields)[0]
  const summary = first ? `${first[0]}: ${first[1]}` : 'the input does not match'
  return { code: 'invalid_input', message: `Invalid input for ${name} (${summary})`, fields }
}

/** Error messages can quote what Meta or a library said, which may include a token; mask it. */
function scrub(error: AppError, redactor: Redactor): AppError {
  return {
    ...error,
    message: redactor.redact(error.message),
    ...(error.fix === undefined ? {} : { fix: redactor.redact(error.fix) }),
  }
}
