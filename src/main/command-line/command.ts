import type { Readable, Writable } from 'node:stream'

export interface OptionSpec {
  type: 'string' | 'boolean'
  description: string
  /** Shown in help as `--port N`. */
  valueName?: string
  short?: string
  multiple?: boolean
}

export interface CommandIo {
  stdout: Writable
  stderr: Writable
  stdin: Readable & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  /** Resolves when the operator asks the process to stop (SIGINT/SIGTERM). */
  untilSignal: () => Promise<NodeJS.Signals>
}

export interface CommandRun {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
  io: CommandIo
}

export interface Command {
  /** One or two words: `serve`, `credentials show`. */
  name: string
  summary: string
  /** Positional arguments in usage order. */
  args?: { name: string; description: string; optional?: boolean }[]
  options: Record<string, OptionSpec>
  /** Extra paragraphs for `--help`. */
  details?: string
  run(run: CommandRun): Promise<number>
}

/** Exit codes are part of the interface: scripts and cron jobs branch on them. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const

export class UsageError extends Error {}
