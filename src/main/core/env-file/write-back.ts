import { SwitchboardError } from '@shared/contract'
import { atomicReplace } from './atomic-replace'
import { tokenShapeProblem } from './token-shape'
import { openWriteTarget } from './write-target'

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Writes a refreshed token into an integration's .env: only that variable's line changes (its
 * `export ` prefix and quoting are kept), every other line, comment and the order stay as they
 * were. A missing variable is appended. The value must look like a token and the file must be one
 * the token may be written into (write-target.ts); otherwise nothing is written and the error says
 * why. The file is replaced atomically with its owner, group and mode kept (atomic-replace.ts).
 */
export function writeEnvVariable(path: string, variable: string, value: string): void {
  if (!VARIABLE.test(variable)) refuse(`"${variable}" is not a variable name`)
  const shape = tokenShapeProblem(value)
  if (shape) refuse(`The new token was not written: ${shape}`)
  const target = openWriteTarget(path)
  if ('refused' in target) refuse(`The token was not written: ${target.refused}`)

  const original = target.content
  const eol = original.includes('\r\n') ? '\r\n' : '\n'
  const lines = original.split(/\r?\n/)
  const pattern = new RegExp(`^(\\s*(?:export\\s+)?${variable}\\s*=\\s*)(["'\`]?)`)
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
  atomicReplace(target.path, updated.join(eol), target.stat)
}

function refuse(message: string): never {
  throw new SwitchboardError({ code: 'invalid_input', message })
}
