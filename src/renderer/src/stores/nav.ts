import { create } from 'zustand'

export const screens = ['overview', 'inbox', 'compose', 'webhooks', 'settings'] as const
export type Screen = (typeof screens)[number]

function fromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '')
  return (screens as readonly string[]).includes(name) ? (name as Screen) : 'overview'
}

interface NavStore {
  screen: Screen
  go: (screen: Screen) => void
}

/** The current screen, mirrored in the URL hash (`#/inbox`) so reloads and back/forward work. */
export const useNav = create<NavStore>()((set) => ({
  screen: fromHash(window.location.hash),
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.history.pushState(null, '', `#/${screen}`)
    set({ screen })
  },
}))

window.addEventListener('popstate', () => useNav.setState({ screen: fromHash(window.location.hash) }))
