import type { SelfTestResult } from '@shared/contract'
import type { Redactor } from '../log'
import { StatefulProvider } from './provider-state'
import { webhookUrlOf } from './public-url'
import type { ProviderSnapshot, TunnelProvider } from './types'

export interface ManualOptions {
  /** The public base URL, already checked by `parsePublicUrl`. */
  publicUrl: string
  /** Where the URL must lead, for the message when it does not. */
  listenerUrl: string
  probe: (webhookUrl: string) => Promise<SelfTestResult>
  redactor: Redactor
}

/**
 * The user's own public URL (a reverse proxy, their own tunnel). Switchboard runs nothing; it only
 * checks the URL with Meta's verification request: online when the challenge comes back from this
 * listener, error with the reason otherwise.
 */
export class ManualProvider extends StatefulProvider implements TunnelProvider {
  readonly kind = 'manual' as const
  private stopped = false
  lastCheck: SelfTestResult | null = null

  constructor(private readonly options: ManualOptions) {
    super(options.redactor)
  }

  async start(): Promise<ProviderSnapshot> {
    this.stopped = false
    this.state.starting()
    const webhookUrl = webhookUrlOf(this.options.publicUrl)
    this.state.log(`Checking ${webhookUrl} with Meta's verification request`)
    const check = await this.options.probe(webhookUrl)
    if (this.stopped) return this.state.snapshot()
    this.lastCheck = check
    this.state.log(`${check.ok ? 'Passed' : 'Failed'}: ${check.message}`)
    if (check.ok) this.state.online(this.options.publicUrl)
    else {
      this.state.failed(
        `${this.options.publicUrl} did not pass the check: ${check.message}`,
        `Make the URL forward to this machine's listener (${this.options.listenerUrl}), query string included, then start again`,
      )
    }
    return this.state.snapshot()
  }

  stop(): Promise<void> {
    this.stopped = true
    this.state.off()
    return Promise.resolve()
  }
}
