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
    'no-customers': { type: 'boolean', description: 'With --sandbox: no simulated customers writing in on their own' },
  },
  details: `
Once ready it prints, and scripts may rely on these lines:
  Switchboard UI: http://127.0.0.1:<port>/#token=<one-time token>
  Webhook: http://127.0.0.1:<webhook-port>/webhook
  Sandbox Graph API: http://127.0.0.1:<port>        (with --sandbox)
Open the UI line in a browser on this machine. The token is fresh for every run; connections
without it, or from another origin, are refused. Stop with Ctrl+C (SIGINT) or SIGTERM.`,
  async run(run) {
    // Listen for Ctrl+C / SIGTERM from the first moment, so a stop request during start-up is honoured too.
    const stopped = run.io.untilSignal()
    const uiPort = portOption(run.values.port, 'port', DEFAULT_UI_PORT)
    const webhookPort = portOption(run.values['webhook-port'], 'webhook-port', DEFAULT_WEBHOOK_PORT)
    const core = await openCore(run, { longRunning: true })
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
    let sandboxUrl: string | undefined
    if (run.values.sandbox === true) {
      try {
        const sandbox = await core.sandbox.start({ customers: run.values['no-customers'] !== true })
        sandboxUrl = sandbox.url ?? undefined
        if (sandbox.webhookProblem) run.io.stderr.write(`switchboard serve: the sandbox cannot deliver webhooks: ${sandbox.webhookProblem}\n`)
      } catch (error) {
        await server.close()
        await core.close()
        throw error
      }
    }
    await core.tokens.startBackground()
    run.io.stdout.write(`Switchboard UI: ${server.url}\n`)
    run.io.stdout.write(`Webhook: ${webhook.url}\n`)
    if (sandboxUrl) run.io.stdout.write(`Sandbox Graph API: ${sandboxUrl}\n`)
    const signal = await stopped
    core.context.log.info('shutting down', { signal })
    await server.close()
    await core.close()
    return 0
  },
}
