import type { z } from 'zod'
import { calls } from './calls'
import type { Envelope } from './envelope'
import type { EventBatch } from './events'

export type Calls = typeof calls
export type CallName = Extract<keyof Calls, string>
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>
export type CallResult<K extends CallName> = z.output<Calls[K]['result']>

type Namespace<K> = K extends `${infer NS}.${string}` ? NS : never
type Method<K, NS extends string> = K extends `${NS}.${infer M}` ? M : never

type Invoker<K extends CallName> = undefined extends CallInput<K>
  ? (input?: CallInput<K>) => Promise<Envelope<CallResult<K>>>
  : (input: CallInput<K>) => Promise<Envelope<CallResult<K>>>

export type EventListener = (batch: EventBatch) => void

/**
 * What the renderer sees: `api.app.info()`, `api.subscribe(listener)`. The Electron preload and the
 * browser-mode WebSocket client both implement exactly this shape, built by `buildApi`.
 */
export type SwitchboardApi = {
  readonly [NS in Namespace<CallName>]: {
    readonly [M in Method<CallName, NS>]: Invoker<`${NS}.${M}` & CallName>
  }
} & {
  /** Receive event batches; returns the function that unsubscribes. */
  readonly subscribe: (listener: EventListener) => () => void
}

/** The two primitives a shell must provide; everything else is generated from the table. */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<Envelope<unknown>>
  subscribe(listener: EventListener): () => void
}

export const callNames = Object.keys(calls) as CallName[]

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name)
}

export function buildApi(transport: Transport): SwitchboardApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Envelope<unknown>>>> = {}
  for (const name of callNames) {
    const [ns, method] = name.split('.') as [string, string]
    api[ns] ??= {}
    api[ns][method] = (input?: unknown) => transport.invoke(name, input)
  }
  return Object.freeze({
    ...api,
    subscribe: (listener: EventListener) => transport.subscribe(listener),
  }) as unknown as SwitchboardApi
}
