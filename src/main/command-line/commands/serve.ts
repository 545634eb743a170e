import { startBrowserServer } from '../../bridge'
import { rendererDirFrom } from '../../static'
import type { Command } from '../command'
import { openCore } from '../open-core'
import { portOption } from '../options'
import { DEFAULT_WEBHOOK_PORT } from '../../core'
import { listenErrorMessage } from '../listen-error'

export const DEFAULT_UI_PORT = 4870

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run Switchboard for a browser on 127.0.0.1 (browser mode)',
  options: {
    port: { type: 'string', valueName: 'N', description: `Port of the UI and its WebSocket API (default ${DEFAULT_UI_PORT}; 0 = a free port)` },
    'webhook-port': { type: 'string', valueName: 'N', description: `Port of the webhook listener (default ${DEFAULT_WEBHOOK_PORT}; 0 = a free port)` },
    sandbox: { type: 'boolean', description: 'Start the built-in Cloud API simulator and use the `sandbox` profile' },
  },
  details: `
Once ready it prints, and scripts may rely on these lines:
  Switchboard UI: http://127.0.0.1:<port>/#token=<one-time token>
  Webhook: http://127.0.0.1:<webhook-port>/webhook
Open the UI line in a browser on this machine. The token is fresh for every run; connections
without it, or from another origin, are refused. Stop with Ctrl+C (SIGINT) or SIGTERM.`,
  async run(run) {
    const uiPort = portOption(run.values.port, 'port', DEFAULT_UI_PORT)
    const webhookPort = portOption(run.values['webhook-port'], 'webhook-port', DEFAULT_WEBHOOK_PORT)
    const core = await openCore(run, { sandbox: run.values.sandbox === true })
    let server
    try {
      server = await startBrowserServer({
        port: uiPort,
        rendererDir: rendererDirFrom(import.meta.url),
        dispatch: core.dispatch,
        events: core.events,
        log: core.context.log,
      })
    } catch (error) {
      await core.close()
      throw new Error(listenErrorMessage(error, uiPort, '--port'), { cause: error })
    }
    let webhook
    try {
      webhook = await core.webhook.start(webhookPort)
    } catch (error) {
      await server.close()
      await core.close()
      throw new Error(listenErrorMessage(error, webhookPort, '--webhook-port'), { cause: error })
    }
    run.io.stdout.write(`Switchboard UI: ${server.url}\n`)
    run.io.stdout.write(`Webhook: ${webhook.url}\n`)
    const signal = await run.io.untilSignal()
    core.context.log.info('shutting down', { signal })
    await server.close()
    await core.close()
    return 0
  },
}
