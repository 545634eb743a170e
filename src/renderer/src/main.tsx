import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connect, setApi } from './api'
import { App } from './app'
import { routeEvents, useAppInfo, useConnection } from './stores'
import './styles/app.css'

const connection = connect()
setApi(connection.api)
useConnection.setState({ shell: connection.shell, state: connection.state })
connection.onState((state) => {
  useConnection.getState().set(state)
  // After a reconnect, state that changed while we were away is fetched again.
  if (state === 'open') void useAppInfo.getState().load()
})
connection.api.subscribe(routeEvents)
if (connection.state === 'open') void useAppInfo.getState().load()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
