const MIN_LENGTH = 16
const MAX_LENGTH = 4096

/**
 * Why a value cannot be a token to write into a .env line, or null when it looks like one. Graph
 * tokens are a couple of hundred letters and digits (app tokens add `|`, `-`, `_`); anything a .env
 * parser would read differently — whitespace or a line break (a second variable), a quote, `#` (a
 * comment), `\` (an escape in double quotes), `$` (expanded by dotenv-expand and Docker Compose) —
 * would change the file's meaning. The value itself is never part of the answer.
 */
export function tokenShapeProblem(value: string): string | null {
  if (value === '') return 'it is empty'
  if (/\s/.test(value)) return 'it contains whitespace or a line break'
  if (/["'`]/.test(value)) return 'it contains a quote'
  if (value.includes('#')) return 'it contains #, which starts a comment'
  if (value.includes('\\')) return 'it contains a backslash'
  if (value.includes('$')) return 'it contains $, which .env tools expand'
  if (/[^\x21-\x7e]/.test(value)) return 'it contains a control or non-ASCII character'
  if (value.length < MIN_LENGTH) return `it is only ${value.length} characters long`
  if (value.length > MAX_LENGTH) return `it is ${value.length} characters long, more than ${MAX_LENGTH}`
  return null
}
