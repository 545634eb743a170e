import type { ReactNode } from 'react'

export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1>{title}</h1>
      {children ? <div className="screen-header__tools">{children}</div> : null}
    </header>
  )
}
