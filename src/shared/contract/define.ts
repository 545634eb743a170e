import type { z } from 'zod'

/** One call of the contract: what the renderer may send and what it gets back. */
export interface CallSpec<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly result: R
  /** One line for `--help`-style listings and the contract documentation. */
  readonly summary: string
}

export function call<I extends z.ZodType, R extends z.ZodType>(spec: CallSpec<I, R>): CallSpec<I, R> {
  return spec
}

/** Call names are always `namespace.method`; the preload API nests them that way. */
export type QualifiedName = `${string}.${string}`
