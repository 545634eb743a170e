import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Redactor } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export interface LoggerOptions {
  redactor: Redactor
  /** Directory for `switchboard.log`; omitted: no file. */
  dir?: string
  /** Also write to stderr (the CLI does when `--verbose`). */
  stderr?: boolean
  minLevel?: LogLevel
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** JSON-lines logger; every string of a line passes through the redactor before it is written anywhere. */
export function createLogger(options: LoggerOptions): Logger {
  const min = rank[options.minLevel ?? 'info']
  let file: string | undefined
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 })
    file = join(options.dir, 'switchboard.log')
  }
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (rank[level] < min) return
    const line = serialise(options.redactor, { at: new Date().toISOString(), level, message, ...fields })
    if (file) {
      try {
        appendFileSync(file, line + '\n', { mode: 0o600 })
      } catch {
        // A full or read-only disk must not take the app down with it; stderr still has the line.
      }
    }
    if (options.stderr) process.stderr.write(line + '\n')
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

/**
 * JSON with every string (values and keys) redacted before it is escaped: redacting the JSON text
 * afterwards misses a secret holding `"` or `\`, which JSON writes as `\"` and `\\`.
 */
function serialise(redactor: Redactor, record: Record<string, unknown>): string {
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'string') return redactor.redact(value)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactor.redact(key), item]))
  })
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
