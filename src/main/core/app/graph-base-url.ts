import { isLoopbackHostname } from '@shared/loopback'

export { isLoopbackHostname }

/** Meta's Graph API, without the version. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com'


/**
 * Where Graph calls go, from `SWITCHBOARD_GRAPH_BASE_URL` (Meta's unless set). Every call carries
 * the access token and the app secret's proof, so only https, or plain http to this machine (a
 * local stand-in for Meta), is accepted; anything else stops the app or command with one line.
 * The UI shows a base URL that is not Meta's (`app.info`), so it is never in use unnoticed.
 */
export function graphBaseUrlFrom(env: NodeJS.ProcessEnv): string {
  const value = env.SWITCHBOARD_GRAPH_BASE_URL
  if (value === undefined || value === '') return DEFAULT_GRAPH_BASE_URL
  const refuse = (why: string) => new Error(`SWITCHBOARD_GRAPH_BASE_URL is refused: ${why}; unset it to use ${DEFAULT_GRAPH_BASE_URL}`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw refuse(`"${value}" is not a URL`)
  }
  if (url.username !== '' || url.password !== '') throw refuse('it carries a user name or password, which would end up in logs')
  if (url.protocol === 'https:') return value
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return value
  throw refuse(`"${url.protocol}//${url.host}" is neither https nor http on this machine (127.0.0.1, ::1, localhost), and tokens and the app secret would travel to it unencrypted`)
}
