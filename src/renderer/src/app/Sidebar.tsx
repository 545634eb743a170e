import { screenLabels } from '../screens'
import { screens, useNav } from '../stores'
import { shortcutLabel } from './shortcuts'

export function Sidebar() {
  const current = useNav((s) => s.screen)
  const go = useNav((s) => s.go)
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar__brand">Switchboard</div>
      <ul>
        {screens.map((screen, index) => (
          <li key={screen}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => go(screen)}
              title={`${screenLabels[screen]} (${shortcutLabel(index + 1)})`}
            >
              <span>{screenLabels[screen]}</span>
              <kbd>{shortcutLabel(index + 1)}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
