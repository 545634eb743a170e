export { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server'
