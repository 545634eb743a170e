import { describe, expect, it } from 'vitest'
import { errorMessage, isRegisteredConnection, quickTunnelUrl } from '../../../src/main/core/tunnel'

describe("reading cloudflared's log lines", () => {
  it('finds the quick tunnel URL in the box cloudflared prints', () => {
    expect(quickTunnelUrl('2026-01-01T10:00:00Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                          |')).toBe(
      'https://seasonal-deck-organisms-sf.trycloudflare.com',
    )
  })

  it('does not take the quick-tunnel service or the disclaimer links for the tunnel', () => {
    expect(quickTunnelUrl('2026-01-01T10:00:00Z ERR failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp')).toBeNull()
    expect(quickTunnelUrl('INF Thank you for trying Cloudflare Tunnel … https://developers.cloudflare.com/cloudflare-one/connections/connect-apps')).toBeNull()
    expect(quickTunnelUrl('INF Requesting new quick Tunnel on trycloudflare.com...')).toBeNull()
  })

  it('recognises the registered connection and error lines', () => {
    expect(isRegisteredConnection('2026-01-01T10:00:02Z INF Registered tunnel connection connIndex=0 connection=abc event=0 ip=198.41.200.13 location=ams08 protocol=quic')).toBe(true)
    expect(isRegisteredConnection('2026-01-01T10:00:02Z INF Starting metrics server on 127.0.0.1:20241/metrics')).toBe(false)
    expect(errorMessage('2026-01-01T10:00:02Z ERR Connection terminated error="control stream failure" connIndex=0')).toBe('Connection terminated error="control stream failure" connIndex=0')
    expect(errorMessage('2026-01-01T10:00:02Z INF all good')).toBeNull()
  })
})
