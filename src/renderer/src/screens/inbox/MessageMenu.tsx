import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { MessageView } from '@shared/contract'
import { useComposer } from '../../stores'
import { messageActions } from './message-actions'

export interface MenuRequest {
  message: MessageView
  x: number
  y: number
}

/** A message's context menu (right click): the actions of its buttons, keyboard-operable, closed by Escape or a click elsewhere. */
export function MessageMenu({ request, onClose }: { request: MenuRequest; onClose: () => void }) {
  const menu = useRef<HTMLDivElement>(null)
  const markedRead = useComposer((s) => s.markedRead[request.message.wamid] === true)
  const actions = messageActions(request.message, markedRead)

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', onPointer, true)
    return () => window.removeEventListener('pointerdown', onPointer, true)
  }, [onClose])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      items[(at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus()
    }
  }

  if (actions.length === 0) return null
  return (
    <div ref={menu} role="menu" aria-label="Message" className="msg-menu" style={{ left: request.x, top: request.y }} onKeyDown={onKeyDown}>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          role="menuitem"
          className="msg-menu__item"
          onClick={() => {
            onClose()
            action.run()
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  )
}
