import type { Handlers } from '../dispatch'
import type { TunnelService } from './service'

type TunnelCalls =
  | 'tunnel.status'
  | 'tunnel.start'
  | 'tunnel.stop'
  | 'tunnel.selfTest'
  | 'tunnel.setAutoReregister'
  | 'registration.register'
  | 'registration.unregister'
  | 'registration.health'

export function tunnelHandlers(tunnel: TunnelService): Pick<Handlers, TunnelCalls> {
  return {
    'tunnel.status': () => tunnel.status(),
    'tunnel.start': (input) => tunnel.start(input),
    'tunnel.stop': () => tunnel.stop(),
    'tunnel.selfTest': () => tunnel.runSelfTest(),
    'tunnel.setAutoReregister': ({ enabled }) => tunnel.setAutoReregister(enabled),
    'registration.register': ({ mode }) => tunnel.register(mode),
    'registration.unregister': () => tunnel.unregister(),
    'registration.health': () => tunnel.health(),
  }
}
