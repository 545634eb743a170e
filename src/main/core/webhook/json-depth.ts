/**
 * The deepest nesting of arrays and objects in a JSON text, found in one pass without parsing it
 * (strings are skipped, escapes respected). Meta's payloads nest about eight levels; a body nested
 * thousands deep is refused before JSON.parse or JSON.stringify can overflow the stack on it.
 */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      depth++
      if (depth > max) {
        max = depth
        if (max > stopAbove) return max
      }
    } else if (c === 93 || c === 125) depth--
  }
  return max
}
