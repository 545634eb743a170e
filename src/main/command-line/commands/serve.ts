import { fixOf, forwardUrl, SwitchboardError, type TunnelStartInput, type TunnelStatus } from '@shared/contract'
import { startBrowserServer } from '../../bridge'
import { rendererDirFrom } from '../../static'
import { UsageError, type Command, type CommandIo, type CommandRun } from '../command'
import { openCore } from '../open-core'
import { portOption, stringOption } from '../options'
import { DEFAULT_WEBHOOK_PORT, type Core, type TunnelHostOptions } from '../../core'
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
    'sandbox-speed': { type: 'string', valueName: 'X', description: 'With --sandbox: simulated delays pass X times faster (default 1)' },
    'sandbox-quirks': { type: 'string', valueName: 'on|off', description: "With --sandbox: Meta's irregularities (out-of-order and duplicate statuses, unread messages …); default on" },
    tunnel: {
      type: 'string',
      valueName: 'cloudflared|ngrok|URL',
      description: 'Expose the webhook listener: a cloudflared quick tunnel, ngrok (authtoken from the profile or NGROK_AUTHTOKEN), or your own https URL (checked)',
    },
    'tunnel-domain': { type: 'string', valueName: 'DOMAIN', description: 'With --tunnel ngrok: a domain reserved in your ngrok account' },
    cloudflared: { type: 'string', valueName: 'PATH', description: 'With --tunnel cloudflared: the cloudflared binary (default: cloudflared on PATH, or SWITCHBOARD_CLOUDFLARED)' },
    'forward-to': {
      type: 'string',
      valueName: 'URL',
      multiple: true,
      description: "Forward every accepted delivery to your bot (https, or http on this machine); kept as a target of the profile",
    },
  },
  details: `
Once ready it prints, and scripts may rely on these lines:
  Switchboard UI: http://127.0.0.1:<port>/#token=<one-time token>
  Webhook: http://127.0.0.1:<webhook-port>/webhook
  Sandbox Graph API: http://127.0.0.1:<port>        (with --sandbox)
  Public URL: https://…                             (with --tunnel, once it is online; again if it changes)
  Forwarding to: <url>                              (with --forward-to, one line per target)
With --tunnel, a tunnel that cannot start is reported on stderr ("switchboard serve: tunnel …") and
serve keeps running; cloudflared is started again by itself if it dies. On stop, whatever was
registered at Meta through the tunnel is put back first.
Open the UI line in a browser on this machine. The token is fresh for every run; connections
without it, or from another origin, are refused. Stop with Ctrl+C (SIGINT) or SIGTERM.`,
  async run(run) {
    // Listen for Ctrl+C / SIGTERM from the first moment, so a stop request during start-up is honoured too.
    const stopped = run.io.untilSignal()
    const uiPort = portOption(run.values.port, 'port', DEFAULT_UI_PORT)
    const webhookPort = portOption(run.values['webhook-port'], 'webhook-port', DEFAULT_WEBHOOK_PORT)
    const tunnel = tunnelOption(run)
    const sandboxOptions = sandboxStartOptions(run)
    const forwardUrls = forwardOption(run)
    const core = await openCore(run, { longRunning: true, ...(tunnel ? { tunnelHost: tunnelHostOf(run) } : {}) })
    let server
    try {
      server = await startBrowserServer({
        port: uiPort,
        rendererDir: rendererDirFrom(import.meta.url),
        core,
      })
    } catch (error) {
      await core.close()
      throw new Error(listenErrorMessage(error, uiPort, '--port'), { cause: error })
    }
    let webhook
    try {
      webhook = await core.startListener(webhookPort)
    } catch (error) {
      await server.close()
      await core.close()
      throw new Error(listenErrorMessage(error, webhookPort, '--webhook-port'), { cause: error })
    }
    let sandboxUrl: string | undefined
    if (run.values.sandbox === true) {
      try {
        const sandbox = await core.call('sandbox.start', sandboxOptions)
        sandboxUrl = sandbox.url ?? undefined
        if (sandbox.webhookProblem) run.io.stderr.write(`switchboard serve: the sandbox cannot deliver webhooks: ${sandbox.webhookProblem}\n`)
      } catch (error) {
        await server.close()
        await core.close()
        throw error
      }
    }
    let forwardTo: string[]
    try {
      forwardTo = await addForwardTargets(core, forwardUrls)
    } catch (error) {
      await server.close()
      await core.close()
      throw error
    }
    await core.startBackground()
    // The ready lines go out in one write, so a script that sees the first sees them all.
    const ready = [
      `Switchboard UI: ${server.url}`,
      `Webhook: ${webhook.url}`,
      ...(sandboxUrl ? [`Sandbox Graph API: ${sandboxUrl}`] : []),
      ...forwardTo.map((url) => `Forwarding to: ${url}`),
    ]
    run.io.stdout.write(ready.join('\n') + '\n')
    // Not awaited: a slow tunnel (cloudflared can take a while) must not hold up Ctrl+C.
    const tunnelStarted = tunnel ? startTunnel(core, run, tunnel) : undefined
    const signal = await stopped
    core.log.info('shutting down', { signal })
    await server.close()
    await core.close()
    await tunnelStarted
    return 0
  },
}

/** `--forward-to URL` (repeatable), checked before anything starts. */
function forwardOption(run: CommandRun): string[] {
  const urls = (run.values['forward-to'] as string[] | undefined) ?? []
  for (const url of urls) {
    const checked = forwardUrl.safeParse(url)
    if (!checked.success) throw new UsageError(`--forward-to: ${checked.error.issues[0]!.message}`)
  }
  return urls
}

/** Makes each URL a forward target of the active profile (once: a target it already has is kept as it is). */
async function addForwardTargets(core: Core, urls: readonly string[]): Promise<string[]> {
  const added: string[] = []
  for (const url of urls) {
    const { targets } = await core.call('forward.status')
    const existing = targets.find((target) => target.url === new URL(url).toString())
    if (existing) {
      if (!existing.enabled) await core.call('forward.updateTarget', { id: existing.id, enabled: true })
      added.push(existing.url)
      continue
    }
    const after = await core.call('forward.addTarget', { url })
    added.push(after.targets.at(-1)!.url)
  }
  return added
}

/** The sandbox's options from the command line; they only make sense with --sandbox. */
function sandboxStartOptions(run: CommandRun): { customers: boolean; speed?: number; quirks?: boolean } {
  const speed = stringOption(run.values['sandbox-speed'])
  const quirks = stringOption(run.values['sandbox-quirks'])
  if ((speed !== undefined || quirks !== undefined || run.values['no-customers'] === true) && run.values.sandbox !== true) {
    throw new UsageError('--no-customers, --sandbox-speed and --sandbox-quirks go with --sandbox')
  }
  if (speed !== undefined && !(Number(speed) > 0 && Number(speed) <= 1000)) throw new UsageError('--sandbox-speed takes a number from 0.01 to 1000')
  if (quirks !== undefined && quirks !== 'on' && quirks !== 'off') throw new UsageError('--sandbox-quirks takes on or off')
  return {
    customers: run.values['no-customers'] !== true,
    ...(speed === undefined ? {} : { speed: Number(speed) }),
    ...(quirks === undefined ? {} : { quirks: quirks === 'on' }),
  }
}

/** `--tunnel cloudflared|ngrok|<url>` (and its companions) as the core's start input; misuse is a usage error. */
function tunnelOption(run: CommandRun): TunnelStartInput | undefined {
  const value = stringOption(run.values.tunnel)
  const domain = stringOption(run.values['tunnel-domain'])
  const cloudflared = stringOption(run.values.cloudflared)
  if (value === undefined) {
    if (domain !== undefined || cloudflared !== undefined) throw new UsageError('--tunnel-domain and --cloudflared go with --tunnel')
    return undefined
  }
  if (domain !== undefined && value !== 'ngrok') throw new UsageError('--tunnel-domain goes with --tunnel ngrok')
  if (cloudflared !== undefined && value !== 'cloudflared') throw new UsageError('--cloudflared goes with --tunnel cloudflared')
  if (value === 'cloudflared') return { provider: 'cloudflared' }
  if (value === 'ngrok') return { provider: 'ngrok', ...(domain === undefined ? {} : { domain }) }
  if (!/^https?:\/\/\S+$/i.test(value)) throw new UsageError(`--tunnel takes cloudflared, ngrok or the https URL of your own tunnel, not "${value}"`)
  return { provider: 'manual', url: value }
}

/** How this serve hosts tunnels: the environment cloudflared is found in, and its path when given. */
function tunnelHostOf(run: CommandRun): TunnelHostOptions {
  const env = run.io.env
  const cloudflared = stringOption(run.values.cloudflared) ?? env.SWITCHBOARD_CLOUDFLARED
  return {
    env,
    ...(cloudflared ? { cloudflaredPath: cloudflared } : {}),
    // Tests point a production-like profile at a loopback "public" URL; never needed by a person.
    allowHttpLoopback: env.SWITCHBOARD_TUNNEL_ALLOW_HTTP_LOOPBACK === '1',
  }
}

/**
 * Starts the tunnel and reports it: `Public URL: …` on stdout whenever it is online at a new URL,
 * problems on stderr. Serve keeps running whatever happens to the tunnel.
 */
async function startTunnel(core: Core, run: CommandRun, input: TunnelStartInput): Promise<void> {
  const report = tunnelReporter(run.io)
  core.events.on('tunnel.changed', report)
  try {
    report(await core.call('tunnel.start', input))
  } catch (error) {
    const fix = error instanceof SwitchboardError ? fixOf(error.toJSON()) : null
    run.io.stderr.write(`switchboard serve: tunnel ${input.provider}: ${(error as Error).message}${fix ? ` (${fix})` : ''}\n`)
  }
}

function tunnelReporter(io: CommandIo): (status: TunnelStatus) => void {
  let printedUrl: string | null = null
  let printedError: string | null = null
  let printedTest: number | null = null
  return (status) => {
    if (status.state === 'online' && status.publicUrl && status.publicUrl !== printedUrl) {
      printedUrl = status.publicUrl
      printedError = null
      io.stdout.write(`Public URL: ${status.publicUrl}\n`)
    }
    if (status.state === 'error' && status.error && status.error !== printedError) {
      printedError = status.error
      io.stderr.write(`switchboard serve: tunnel ${status.provider ?? ''}: ${status.error}${status.fix ? ` (${status.fix})` : ''}\n`)
    }
    const test = status.selfTest
    if (status.state === 'online' && test && !test.ok && test.at !== printedTest) {
      printedTest = test.at
      io.stderr.write(`switchboard serve: tunnel self-test failed: ${test.message}\n`)
    }
  }
}
