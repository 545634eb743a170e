import type * as Ngrok from '@ngrok/ngrok'
import { SwitchboardError } from '@shared/contract'
import type { NgrokForwarder } from './ngrok-provider'

type NgrokModule = typeof Ngrok

/**
 * The official `@ngrok/ngrok` library (a native module), loaded only when an ngrok tunnel starts:
 * a missing or broken binary for this platform breaks the ngrok provider and nothing else.
 */
export function ngrokLibraryForwarder(load: () => Promise<unknown> = () => import('@ngrok/ngrok')): NgrokForwarder {
  return async (options) => {
    let ngrok: NgrokModule
    try {
      const loaded = (await load()) as NgrokModule & { default?: NgrokModule }
      ngrok = loaded.default ?? loaded
    } catch (error) {
      throw new SwitchboardError({
        code: 'tunnel_unavailable',
        message: `The ngrok library (@ngrok/ngrok) could not be loaded on ${process.platform}-${process.arch}: ${error instanceof Error ? error.message : String(error)}`,
        fix: 'Reinstall Switchboard\'s dependencies (`npm install`) so the ngrok binary for this platform is present, or use cloudflared or a manual URL',
      })
    }
    const listener = await ngrok.forward({
      addr: options.addr,
      authtoken: options.authtoken,
      ...(options.domain ? { domain: options.domain } : {}),
      onLogEvent: (line) => options.onLog(line),
      onStatusChange: (status) => options.onStatusChange(status),
    })
    return { url: () => listener.url(), close: () => listener.close() }
  }
}
