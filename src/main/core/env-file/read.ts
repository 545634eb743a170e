import { readFileSync, statSync } from 'node:fs'
import { basename, isAbsolute, resolve } from 'node:path'
import { parse } from 'dotenv'
import { SwitchboardError } from '@shared/contract'

const MAX_BYTES = 256 * 1024

/** Reads a .env file from disk with the checks a path typed by a person deserves. */
export function readEnvFile(path: string, cwd = process.cwd()): { path: string; fileName: string; variables: Record<string, string> } {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path)
  let size: number
  try {
    const stat = statSync(absolute)
    if (!stat.isFile()) throw new SwitchboardError({ code: 'invalid_input', message: `${absolute} is not a file`, fields: { path: 'Not a file' } })
    size = stat.size
  } catch (error) {
    if (error instanceof SwitchboardError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : 'cannot be read'
    throw new SwitchboardError({ code: 'not_found', message: `${absolute} ${reason}`, fields: { path: reason } })
  }
  if (size > MAX_BYTES) {
    throw new SwitchboardError({ code: 'invalid_input', message: `${absolute} is ${Math.round(size / 1024)} KB: too big for a .env file` })
  }
  return { path: absolute, fileName: basename(absolute), variables: parseEnv(readFileSync(absolute, 'utf8')) }
}

/** dotenv's parser: quotes, comments, `export`, CRLF, multi-line quoted values. */
export function parseEnv(content: string): Record<string, string> {
  return parse(content.replace(/^\uFEFF/, ''))
}
