import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Redactor } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  /** The same log, each line marked with the concern that wrote it (`{"concern":"webhook",…}`). */
  child(concern: string): Logger
}

export interface LoggerOptions {
  redactor: Redactor
  /** Directory for `switchboard.log`; omitted: no file. */
  dir?: string
  /** Also write to stderr (the CLI does when `--verbose`). */
  stderr?: boolean
  minLevel?: LogLevel
  /** The file is rotated beyond this size: `switchboard.log` → `.1` → … (default 5 MiB). */
  maxFileBytes?: number
  /** Rotated files kept besides the current one (default 3). */
  keepFiles?: number
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
const DEFAULT_KEEP_FILES = 3

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/**
 * JSON-lines logger; every string of a line passes through the redactor before it is serialised,
 * and the file is rotated by size so a long-running listener never fills the disk with its log.
 */
export function createLogger(options: LoggerOptions): Logger {
  const min = rank[options.minLevel ?? 'info']
  const file = options.dir ? join(options.dir, 'switchboard.log') : undefined
  if (options.dir) mkdirSync(options.dir, { recursive: true, mode: 0o700 })
  const rotation = file ? new Rotation(file, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, options.keepFiles ?? DEFAULT_KEEP_FILES) : undefined
  const write = (level: LogLevel, message: string, fields: Record<string, unknown> | undefined, concern: string | undefined): void => {
    if (rank[level] < min) return
    const line = serialise(options.redactor, { at: new Date().toISOString(), level, ...(concern ? { concern } : {}), message, ...fields }) + '\n'
    if (file && rotation) {
      try {
        rotation.before(Buffer.byteLength(line))
        appendFileSync(file, line, { mode: 0o600 })
      } catch {
        // A full or read-only disk must not take the app down with it; stderr still has the line.
      }
    }
    if (options.stderr) process.stderr.write(line)
  }
  const logger = (concern: string | undefined): Logger => ({
    debug: (m, f) => write('debug', m, f, concern),
    info: (m, f) => write('info', m, f, concern),
    warn: (m, f) => write('warn', m, f, concern),
    error: (m, f) => write('error', m, f, concern),
    child: (name) => logger(concern ? `${concern}.${name}` : name),
  })
  return logger(undefined)
}

/** Size-based rotation: when the next line would pass the limit, each file moves one number up and the oldest goes. */
class Rotation {
  private size: number

  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
    private readonly keep: number,
  ) {
    this.size = existsSync(file) ? statSync(file).size : 0
  }

  before(bytes: number): void {
    if (this.size > 0 && this.size + bytes > this.maxBytes) {
      rmSync(`${this.file}.${this.keep}`, { force: true })
      for (let n = this.keep - 1; n >= 1; n--) if (existsSync(`${this.file}.${n}`)) renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`)
      renameSync(this.file, `${this.file}.1`)
      this.size = 0
    }
    this.size += bytes
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

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger }
