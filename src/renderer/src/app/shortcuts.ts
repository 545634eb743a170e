import { screens, useNav } from '../stores'

const isMac = navigator.platform.toLowerCase().includes('mac')

export function shortcutLabel(digit: number): string {
  return isMac ? `⌘${digit}` : `Ctrl+${digit}`
}

/** Ctrl/⌘ + 1…5 switches screens from anywhere. */
export function installShortcuts(): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return
    const index = Number(event.key) - 1
    const screen = screens[index]
    if (!screen) return
    event.preventDefault()
    useNav.getState().go(screen)
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}
