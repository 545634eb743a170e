import { parseArgs } from 'node:util'

export interface BenchOptions {
  /** Scenario numbers to run (all by default). */
  only: Set<number>
  /** Keep the temp data dirs (they hold about 1 GB). */
  keep: boolean
  /** Messages in the big store (1,000,000 by default; smaller only to try the bench quickly). */
  messages: number
  /** Messages in the UI store of scenario 5. */
  uiMessages: number
  /** Work in this directory and reuse the stores a previous `--keep` run left there (for working on the bench). */
  reuse: string | null
  /** Write a V8 CPU profile of every `switchboard serve` the bench starts into this directory. */
  cpuProf: string | null
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      messages: { type: 'string', default: '1000000' },
      'ui-messages': { type: 'string', default: '100000' },
      reuse: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  })
  const only = values.only ? values.only.split(',').map(Number) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
  if (only.some((n) => !Number.isInteger(n) || n < 1 || n > 11)) throw new Error('--only takes scenario numbers 1–11, comma-separated')
  return { only: new Set(only), keep: values.keep, messages: Number(values.messages), uiMessages: Number(values['ui-messages']), reuse: values.reuse ?? null, cpuProf: values['cpu-prof'] ?? null }
}
