/** The search snippet marks each match between \u0002 and \u0003; those become <mark>s. */
export function Snippet({ text }: { text: string }) {
  const parts: { marked: boolean; text: string }[] = []
  let marked = false
  let run = ''
  for (const char of text) {
    if (char === '\u0002' || char === '\u0003') {
      if (run) parts.push({ marked, text: run })
      run = ''
      marked = char === '\u0002'
    } else run += char
  }
  if (run) parts.push({ marked, text: run })
  return (
    <span className="snippet">
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  )
}
