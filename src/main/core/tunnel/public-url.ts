import { SwitchboardError } from '@shared/contract'
import { WEBHOOK_PATH } from '../webhook'

const loopbackHosts = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i

export function isLoopbackUrl(url: URL): boolean {
  return loopbackHosts.test(url.hostname)
}

function invalid(message: string): SwitchboardError {
  return new SwitchboardError({ code: 'invalid_input', message, fields: { url: message } })
}

/**
 * The public base URL of a manual tunnel, without `/webhook` (which is appended), trailing slash,
 * query or fragment. Meta only calls https; plain http is accepted for a loopback address only when
 * the caller allows it (the sandbox accepts such callbacks; tests use it).
 */
export function parsePublicUrl(raw: string, options: { allowHttpLoopback: boolean }): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw invalid(`Not a URL: ${JSON.stringify(raw.slice(0, 200))}`)
  }
  if (url.username || url.password) throw invalid('The public URL must not carry a user name or password')
  if (url.search || url.hash) throw invalid('The public URL must not carry a query or a fragment: Meta adds its own query')
  if (url.protocol === 'http:') {
    if (!(options.allowHttpLoopback && isLoopbackUrl(url))) {
      throw invalid('Meta delivers webhooks only to https URLs with a valid certificate: give the https address of your tunnel or reverse proxy')
    }
  } else if (url.protocol !== 'https:') {
    throw invalid(`The public URL must be https, not ${url.protocol.replace(/:$/, '')}`)
  }
  const path = url.pathname.replace(/\/+$/, '')
  const base = path.endsWith(WEBHOOK_PATH) ? path.slice(0, -WEBHOOK_PATH.length) : path
  return `${url.origin}${base}`
}

export function webhookUrlOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`
}
