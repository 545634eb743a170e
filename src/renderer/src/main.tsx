import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connect, setApi } from './api'
import { App } from './app'
import { routeEvents, useAppInfo, useConnection, useProfiles, useToken } from './stores'
import './styles/app.css'

const connection = connect()
setApi(connection.api)
useConnection.setState({ shell: connection.shell, state: connection.state })
/** Everything the shell shows from the start; fetched again after a reconnect. */
const refresh = () => {
  void useAppInfo.getState().load()
  void useProfiles.getState().load()
  void useToken.getState().load()
}
connection.onState((state) => {
  useConnection.getState().set(state)
  if (state === 'open') refresh()
})
connection.api.subscribe(routeEvents)
if (connection.state === 'open') refresh()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
