/** Pretty-prints JSON text (or any value) for reading; text that is not JSON is returned as it is. */
export function prettyJson(value: unknown): { text: string; json: boolean } {
  if (typeof value !== 'string') return { text: JSON.stringify(value, null, 2) ?? String(value), json: true }
  try {
    return { text: JSON.stringify(JSON.parse(value), null, 2), json: true }
  } catch {
    return { text: value, json: false }
  }
}

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'plain'

const token = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g

/** Splits pretty-printed JSON into coloured runs; punctuation and whitespace stay plain. */
export function jsonTokens(text: string): { kind: JsonTokenKind; text: string }[] {
  const out: { kind: JsonTokenKind; text: string }[] = []
  let last = 0
  for (const match of text.matchAll(token)) {
    const start = match.index
    if (start > last) out.push({ kind: 'plain', text: text.slice(last, start) })
    if (match[1] !== undefined) {
      out.push({ kind: match[2] === undefined ? 'string' : 'key', text: match[1] })
      if (match[2] !== undefined) out.push({ kind: 'plain', text: match[2] })
    } else {
      out.push({ kind: match[3] === undefined ? 'number' : 'literal', text: match[0] })
    }
    last = start + match[0].length
  }
  if (last < text.length) out.push({ kind: 'plain', text: text.slice(last) })
  return out
}
