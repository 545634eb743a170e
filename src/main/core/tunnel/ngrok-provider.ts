import { SwitchboardError } from '@shared/contract'
import type { Redactor } from '../log'
import { StatefulProvider } from './provider-state'
import type { ProviderSnapshot, TunnelProvider } from './types'

/** A forwarding session as the ngrok library hands it back. */
export interface NgrokSession {
  url(): string | null
  close(): Promise<void>
}

export interface NgrokForwardOptions {
  /** Where ngrok forwards to: the listener, `http://127.0.0.1:<port>`. */
  addr: string
  authtoken: string
  domain?: string
  onLog(line: string): void
  /** `closed` when the connection to ngrok is lost, `connected` once it is back. */
  onStatusChange(status: string): void
}

/** `ngrok.forward` behind a seam, so tests need no network and no ngrok account. */
export type NgrokForwarder = (options: NgrokForwardOptions) => Promise<NgrokSession>

export interface NgrokOptions {
  addr: string
  authtoken: string | undefined
  domain?: string
  forwarder: NgrokForwarder
  redactor: Redactor
}

export const NGROK_AUTHTOKEN_FIX =
  'Copy your authtoken from https://dashboard.ngrok.com/get-started/your-authtoken into the profile (it is kept in the OS keychain), or set NGROK_AUTHTOKEN for `switchboard serve`'

/** An ngrok endpoint through the official library; ngrok reconnects by itself and says so. */
export class NgrokProvider extends StatefulProvider implements TunnelProvider {
  readonly kind = 'ngrok' as const
  private session: NgrokSession | undefined
  private stopped = false

  constructor(private readonly options: NgrokOptions) {
    super(options.redactor)
    options.redactor.add(options.authtoken)
  }

  async start(): Promise<ProviderSnapshot> {
    this.stopped = false
    this.state.starting()
    const authtoken = this.options.authtoken
    if (!authtoken) {
      this.state.failed('No ngrok authtoken is set for this profile', NGROK_AUTHTOKEN_FIX)
      return this.state.snapshot()
    }
    this.state.log(`Connecting to ngrok${this.options.domain ? ` for ${this.options.domain}` : ''}, forwarding to ${this.options.addr}`)
    let session: NgrokSession
    try {
      session = await this.options.forwarder({
        addr: this.options.addr,
        authtoken,
        ...(this.options.domain ? { domain: this.options.domain } : {}),
        onLog: (line) => this.state.log(line),
        onStatusChange: (status) => this.statusChanged(status),
      })
    } catch (error) {
      const { message, fix } = describeFailure(error)
      this.state.log(message)
      this.state.failed(message, fix)
      return this.state.snapshot()
    }
    if (this.stopped) {
      await session.close().catch(() => undefined)
      return this.state.snapshot()
    }
    this.session = session
    const url = session.url()
    if (!url) {
      this.state.failed('ngrok answered without a public URL', 'Check the endpoint in the ngrok dashboard')
      return this.state.snapshot()
    }
    this.state.log(`ngrok endpoint online at ${url}`)
    this.state.online(url)
    return this.state.snapshot()
  }

  async stop(): Promise<void> {
    this.stopped = true
    const session = this.session
    this.session = undefined
    if (session) await session.close().catch((error: unknown) => this.state.log(`Closing the ngrok endpoint failed: ${(error as Error).message}`))
    this.state.off()
  }

  private statusChanged(status: string): void {
    if (this.stopped || !this.session) return
    this.state.log(`ngrok session ${status}`)
    if (status === 'closed') this.state.starting()
    else if (status === 'connected') {
      const url = this.session.url()
      if (url) this.state.online(url)
    }
  }
}

/** ngrok's errors carry an `ERR_NGROK_<n>` code; the common ones get a way out. */
function describeFailure(error: unknown): { message: string; fix: string | null } {
  if (error instanceof SwitchboardError) return { message: error.message, fix: error.fix ?? null }
  const text = error instanceof Error ? error.message : String(error)
  const code = /ERR_NGROK_(\d+)/.exec(text)?.[1]
  const message = `ngrok refused the endpoint: ${text}`
  if (code === '105' || code === '107' || code === '4018' || /authtoken|authentication/i.test(text)) return { message, fix: NGROK_AUTHTOKEN_FIX }
  if (/domain|hostname/i.test(text)) return { message, fix: 'Use a domain reserved in your ngrok dashboard (Domains), or start without one' }
  return { message, fix: 'See the ngrok error code at https://ngrok.com/docs/errors/' }
}
