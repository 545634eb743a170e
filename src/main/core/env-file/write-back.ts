import { randomBytes } from 'node:crypto'
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a refreshed token into an integration's .env: only that variable's line changes (its
 * `export ` prefix and quoting are kept), every other line, comment and the order stay as they
 * were. Atomic: a temp file in the same directory, fsync, rename; the file's mode is kept.
 * A missing variable is appended.
 */
export function writeEnvVariable(path: string, variable: string, value: string): void {
  const original = readFileSync(path, 'utf8')
  const eol = original.includes('\r\n') ? '\r\n' : '\n'
  const lines = original.split(/\r?\n/)
  const pattern = new RegExp(`^(\\s*(?:export\\s+)?${escape(variable)}\\s*=\\s*)(["'\`]?)`)
  let replaced = false
  const updated = lines.map((line) => {
    const match = pattern.exec(line)
    if (!match || replaced) return line
    replaced = true
    const quote = match[2] ?? ''
    return `${match[1]}${quote}${value}${quote}`
  })
  if (!replaced) {
    if (updated.length > 0 && updated[updated.length - 1] === '') updated.splice(updated.length - 1, 0, `${variable}=${value}`)
    else updated.push(`${variable}=${value}`)
  }
  atomicWrite(path, updated.join(eol))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function atomicWrite(path: string, content: string): void {
  const mode = statSync(path).mode & 0o777
  const temp = join(dirname(path), `.${basename(path)}.switchboard-${randomBytes(4).toString('hex')}`)
  const fd = openSync(temp, 'wx', mode)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  chmodSync(temp, mode)
  renameSync(temp, path)
}
