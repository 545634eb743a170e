import { useEffect, useRef, useState } from 'react'

const CONFIRM_MS = 2500

/**
 * A URL with a Copy button. Uses the async clipboard API (the browser and Electron alike); where
 * the page may not write the clipboard, the URL is selected instead so Ctrl+C copies it.
 */
export function CopyableUrl({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const codeRef = useRef<HTMLElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [outcome, setOutcome] = useState<'copied' | 'refused' | null>(null)

  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = async () => {
    clearTimeout(timer.current)
    try {
      if (!navigator.clipboard) throw new Error('no clipboard API here')
      await navigator.clipboard.writeText(url)
      setOutcome('copied')
      timer.current = setTimeout(() => setOutcome(null), CONFIRM_MS)
    } catch {
      if (codeRef.current) window.getSelection()?.selectAllChildren(codeRef.current)
      setOutcome('refused')
    }
  }

  return (
    <div className="copyable-url">
      <span className="copyable-url__label">{label}</span>
      <code ref={codeRef} className="copyable-url__value" data-testid={testId}>
        {url}
      </code>
      <button type="button" className="button button--small" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
        Copy
      </button>
      {outcome ? (
        <span className={outcome === 'copied' ? 'ok-text' : 'muted'} role="status">
          {outcome === 'copied' ? 'Copied' : 'The clipboard is not available here: the URL is selected, press Ctrl+C'}
        </span>
      ) : null}
    </div>
  )
}
