import type { ReactNode } from 'react'

interface EmptyStateProps {
  title: string
  /** What this place will show once there is something to show. */
  children: ReactNode
  /** The first thing to do, usually a button. */
  action?: ReactNode
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-state__text">{children}</div>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  )
}
