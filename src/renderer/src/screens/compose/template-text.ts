/** A piece of a template's text for the preview: literal text, or a placeholder with its value. */
export type TextPart = { text: string } | { key: string; value: string | null }

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

/** Splits a template text at its placeholders and fills each with its value (null while empty). */
export function fillTemplateText(text: string, values: Record<string, string>): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) })
    const key = match[1] as string
    const value = values[key]
    parts.push({ key, value: value && value.trim() !== '' ? value : null })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}
