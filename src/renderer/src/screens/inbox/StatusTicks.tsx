import type { MessageView } from '@shared/contract'

const marks: Record<string, { glyph: string; label: string }> = {
  accepted: { glyph: '◷', label: 'accepted' },
  sent: { glyph: '✓', label: 'sent' },
  delivered: { glyph: '✓✓', label: 'delivered' },
  read: { glyph: '✓✓', label: 'read' },
  played: { glyph: '▶', label: 'played' },
  deleted: { glyph: '⌫', label: 'deleted' },
  failed: { glyph: '✕', label: 'failed' },
}

/**
 * Delivery ticks of an outgoing message, with the status in words (never colour alone). A click
 * opens the status timeline.
 */
export function StatusTicks({ message, onOpen }: { message: MessageView; onOpen: () => void }) {
  const status = message.status
  const mark = status ? (marks[status] ?? { glyph: '•', label: status }) : { glyph: '◷', label: 'no status yet' }
  return (
    <button
      type="button"
      className={`ticks ticks--${status ?? 'none'}`}
      onClick={onOpen}
      aria-label={`Status: ${mark.label}. Show the status timeline`}
      title="Show the status timeline"
    >
      <span aria-hidden="true" className="ticks__glyph">
        {mark.glyph}
      </span>
      <span aria-hidden="true">{mark.label}</span>
    </button>
  )
}
