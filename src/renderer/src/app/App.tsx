import { useEffect } from 'react'
import { screenComponents } from '../screens'
import { useNav } from '../stores'
import { Notices } from './Notices'
import { installShortcuts } from './shortcuts'
import { Sidebar } from './Sidebar'
import { StatusBar } from './StatusBar'

export function App() {
  const screen = useNav((s) => s.screen)
  const Screen = screenComponents[screen]
  useEffect(() => installShortcuts(), [])
  return (
    <div className="app">
      <Sidebar />
      <main className="content" id="content" data-screen={screen}>
        <Notices />
        <Screen />
      </main>
      <StatusBar />
    </div>
  )
}
