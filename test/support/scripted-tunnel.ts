import { Redactor } from '../../src/main/core'
import { ProviderState, type ProviderSnapshot, type TunnelProvider } from '../../src/main/core/tunnel'

/**
 * A quick tunnel that comes online at the URL it is given, without cloudflared; `move` brings it
 * back at another URL, as cloudflared does after a restart. Nothing leaves the machine.
 */
export class ScriptedTunnel implements TunnelProvider {
  readonly kind = 'cloudflared' as const
  private readonly state = new ProviderState(new Redactor())
  constructor(private url: string) {}
  snapshot(): ProviderSnapshot {
    return this.state.snapshot()
  }
  onChange(listener: (snapshot: ProviderSnapshot) => void) {
    return this.state.onChange(listener)
  }
  start() {
    this.state.starting()
    this.state.online(this.url)
    return Promise.resolve(this.state.snapshot())
  }
  move(url: string) {
    this.url = url
    this.state.failed('cloudflared exited with code 1')
    this.state.starting()
    this.state.online(url)
  }
  stop() {
    this.state.off()
    return Promise.resolve()
  }
}
