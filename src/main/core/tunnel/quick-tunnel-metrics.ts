import { request } from 'undici'

/** `GET http://<metrics address>/quicktunnel` → `{"hostname": "…"}`: cloudflared's own record of the quick tunnel. */
export async function readQuickTunnelHostname(metricsAddress: string, timeoutMs = 3000): Promise<string | null> {
  const response = await request(`http://${metricsAddress}/quicktunnel`, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  if (response.statusCode !== 200) {
    await response.body.dump()
    return null
  }
  const body = (await response.body.json()) as { hostname?: unknown }
  return typeof body.hostname === 'string' && body.hostname !== '' ? body.hostname : null
}
