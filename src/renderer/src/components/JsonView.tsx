import { useMemo } from 'react'
import { jsonTokens, prettyJson } from './json-text'
import '../styles/lists.css'

/** Above this, colouring costs more DOM than it is worth: the text is shown plain. */
const HIGHLIGHT_LIMIT = 200_000

/** JSON (a value, or text that may be JSON) pretty-printed and coloured; other text shown as is. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const { text, json } = useMemo(() => prettyJson(value), [value])
  const tokens = useMemo(() => (json && text.length <= HIGHLIGHT_LIMIT ? jsonTokens(text) : null), [json, text])
  return (
    <pre className="json-view" tabIndex={0} aria-label={label}>
      {tokens
        ? tokens.map((t, index) => (t.kind === 'plain' ? t.text : <span key={index} className={`json-view__${t.kind}`}>{t.text}</span>))
        : text}
    </pre>
  )
}
