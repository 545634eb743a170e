/**
 * What a Graph error means for the operator, derived from its code and subcode only (Meta asks
 * integrators to build on `code`, not on titles or messages, which change). Sources: Graph API
 * "Handling Errors" (codes 1, 2, 3, 4, 10, 17, 102, 190, 200–299, 341, 368 and the 190 subcodes),
 * Graph API "Rate Limiting" (17, 32, 613), and the WhatsApp Cloud API error-code reference
 * (0, 80007, 130429, 131xxx, 132xxx, 133xxx).
 */

export type GraphErrorKind =
  | 'token'
  | 'rate_limit'
  | 'outside_window'
  | 'template'
  | 'permission'
  | 'recipient'
  | 'transient'
  | 'request'
  | 'account'
  | 'app_secret_proof'
  | 'marketing'
  | 'media'
  | 'unexpected_response'
  | 'other'

export interface GraphErrorFacts {
  kind: GraphErrorKind
  /** 190 with subcode 463: the token ran out; it cannot be exchanged any more. */
  tokenExpired: boolean
  /** The token no longer works at all (190 with any subcode, 102, 0): a new one is needed. */
  tokenInvalid: boolean
  /** A plain explanation of the 190 subcode, when Meta sent one of the documented ones. */
  tokenProblem: string | null
  rateLimited: boolean
  outsideWindow: boolean
  templateError: boolean
  permission: boolean
  recipientNotOnWhatsApp: boolean
  /** Meta says (or the code implies) that the same request may succeed later. */
  transient: boolean
  /** One line for the operator: what happened and what to do. */
  hint: string
}

export interface GraphErrorInput {
  status: number
  code: number
  subcode: number | null
  isTransient: boolean | null
  /** The body was not Graph's error envelope (an HTML page from a proxy, an empty 502). */
  unexpectedResponse?: boolean
  /**
   * Graph's message. Read only where Meta gives the same code to different problems and the
   * message alone tells them apart (code 100 for a missing or wrong appsecret_proof).
   */
  message?: string
  /**
   * `status`: the error came in a status webhook (a message that failed after it was accepted),
   * which has no fbtrace_id to look up.
   */
  source?: 'response' | 'status'
}

/** The documented 190 subcodes and what each means. */
export const tokenSubcodes: Readonly<Record<number, string>> = {
  458: 'The app was removed from the account that issued this token (app not installed).',
  459: 'The Facebook account behind this token is checkpointed: log in at facebook.com to clear the checkpoint.',
  460: 'The token was invalidated because the Facebook account’s password was changed.',
  463: 'The token has expired.',
  464: 'The Facebook account behind this token is not confirmed: log in at facebook.com to confirm it.',
  467: 'The token is no longer valid: it was revoked, its user logged out, or it was otherwise invalidated.',
  492: 'Invalid session: the user behind the token has no role on the asset it acts for.',
}

const tokenHints: Readonly<Record<number, string>> = {
  458: 'The token was issued by an account that removed the app: create a new token (a system-user token does not depend on one person).',
  459: 'The Facebook account behind the token is checkpointed: clear it at facebook.com, then create a new token.',
  460: 'The token died when its Facebook account changed password: create a new one (a system-user token avoids this).',
  463: 'The access token expired and can no longer be exchanged: paste a new one (API Setup, or better a system-user token) and let Switchboard refresh it before expiry.',
  464: 'The Facebook account behind the token is unconfirmed: confirm it at facebook.com, then create a new token.',
  467: 'The access token was revoked or invalidated (its user logged out?): paste a new one.',
  492: 'The token’s user lost its role on the asset: in Business Settings assign the system user (or user) to the WhatsApp Business Account and the app again, then create a new token.',
}

const rateLimitHints: Readonly<Record<number, string>> = {
  4: 'The app hit its Graph API call rate limit: wait, then call less often (App Dashboard → Application Rate Limit shows the usage).',
  17: 'The user behind the token hit the Graph API call rate limit: wait a while before retrying.',
  32: 'The Page-level Graph API rate limit was hit: wait a while before retrying.',
  341: 'Meta reported the application limit reached: wait and retry, and lower the request volume.',
  613: 'This API’s custom rate limit was hit: wait a while before retrying.',
  80007: 'The WhatsApp Business Account hit its hourly API rate limit: wait for the window to reset and spread calls out.',
  130429: 'Cloud API throughput limit reached (too many messages per second from this number): retry after a short pause.',
  131048: 'Spam rate limit: too many earlier messages from this number were blocked or reported; check its quality rating in WhatsApp Manager before sending more.',
  131056: 'Too many messages to this recipient in a short time (pair rate limit): wait before messaging this number again.',
  133016: 'Too many register/deregister attempts for this phone number: wait before trying again.',
}

const templateHints: Readonly<Record<number, string>> = {
  132000: 'The template’s parameter count does not match: send exactly the variables the approved template defines.',
  132001: 'The template does not exist in this language (or is not approved yet): check its name and language code in WhatsApp Manager.',
  132005: 'The template’s text became too long once the parameters were filled in: shorten the variables.',
  132007: 'The template content violates a formatting/character policy: edit the template or its parameters.',
  132012: 'A template parameter has the wrong format (e.g. text where a currency or date is expected): check each variable’s type.',
  132015: 'The template is paused because of low quality: edit it or wait for it to be re-enabled in WhatsApp Manager.',
  132016: 'The template was disabled for repeated low quality: create a new template.',
  132068: 'The Flow in this template is blocked: fix the Flow before sending it.',
  132069: 'The Flow in this template is throttled: send fewer messages with this Flow for a while.',
}

/** Failures that arrive in status webhooks after Meta accepted the message. */
const deliveryHints: Readonly<Record<number, string>> = {
  130472: 'Not delivered: the customer’s number is part of a Meta marketing-message experiment. Nothing to fix; do not resend.',
  131049: 'Meta chose not to deliver this marketing message to keep engagement healthy (a per-customer limit): do not resend at once; wait at least a day, or send a utility template if the message is not marketing.',
  131050: 'The customer asked to stop marketing messages from you: do not resend; only they can opt back in (a user_preferences "resume" webhook says so).',
  131051: 'The message type is not supported: send a type the Cloud API supports.',
  131052: 'The customer’s media could not be downloaded from WhatsApp: ask them to send it again.',
  131053: 'The media could not be uploaded (an unsupported type or size): check the file’s MIME type and size against Meta’s supported media types.',
  131057: 'The WhatsApp Business Account is in maintenance mode (e.g. a throughput upgrade): wait a few minutes and send again.',
}

const deliveryKinds: Readonly<Record<number, GraphErrorKind>> = {
  130472: 'marketing',
  131049: 'marketing',
  131050: 'marketing',
  131051: 'request',
  131052: 'media',
  131053: 'media',
  131057: 'transient',
}

const otherHints: Readonly<Record<number, string>> = {
  1: 'Meta reported an unknown, possibly temporary error: retry shortly; if it repeats, check the request and the WhatsApp Business Platform status page.',
  2: 'Meta reported a temporary service problem: retry shortly; check the WhatsApp Business Platform status page if it persists.',
  3: 'The app lacks the capability or permission for this call: check its permissions in the Access Token Debugger.',
  100: 'Meta rejected a parameter: check the IDs and fields of the request (a wrong phone number ID or WABA ID is the usual cause).',
  104: 'No access token was sent: set the profile’s access token.',
  368: 'The WhatsApp Business Account is temporarily blocked for policy violations: see Business Support Home.',
  131000: 'Meta failed to process the request for an unknown reason: retry shortly.',
  131005: 'Access denied: the token lacks the permission for this call (check its scopes in the Access Token Debugger).',
  131008: 'A required parameter is missing from the request.',
  131009: 'A parameter value is not valid: check the request body.',
  131021: 'The recipient is the sending business number itself: choose another recipient.',
  131030: 'The recipient is not in the test number’s allowed list: add it under API Setup → To, or use a production number.',
  131031: 'The WhatsApp Business Account is locked (policy or verification problem): see WhatsApp Manager.',
  131042: 'A payment problem blocks sending: check the WhatsApp Business Account’s payment method in Business Settings.',
  133010: 'The phone number is not registered with the Cloud API: register it (POST /{phone-number-id}/register).',
}

const otherKinds: Readonly<Record<number, GraphErrorKind>> = {
  104: 'token',
  368: 'account',
  131021: 'recipient',
  131030: 'recipient',
  131031: 'account',
  131042: 'account',
  133010: 'account',
}

const rateLimitCodes = new Set(Object.keys(rateLimitHints).map(Number))

function base(kind: GraphErrorKind, hint: string): GraphErrorFacts {
  return {
    kind,
    tokenExpired: false,
    tokenInvalid: false,
    tokenProblem: null,
    rateLimited: false,
    outsideWindow: false,
    templateError: false,
    permission: false,
    recipientNotOnWhatsApp: false,
    transient: false,
    hint,
  }
}

function unexpectedResponseHint(status: number): string {
  if (status >= 500) return `Meta (or a proxy in between) answered HTTP ${status} without a Graph error: retry shortly; check the WhatsApp Business Platform status page if it persists.`
  if (status === 404) return 'Nothing answers at this address the way Graph would: check the Graph base URL and API version.'
  return `The server answered HTTP ${status} with something other than a Graph response: check the Graph base URL (a proxy or captive portal may be answering).`
}

const APP_SECRET_REQUIRED = /require an appsecret_proof/i
const APP_SECRET_INVALID = /invalid appsecret_proof/i

export function describeGraphError(input: GraphErrorInput): GraphErrorFacts {
  const { status, code, subcode } = input

  if (input.unexpectedResponse) {
    return { ...base('unexpected_response', unexpectedResponseHint(status)), transient: status >= 500 || status === 408 }
  }

  if (code === 190 || code === 102 || code === 0) {
    const known = code === 190 && subcode !== null ? tokenSubcodes[subcode] : undefined
    const hint =
      (code === 190 && subcode !== null ? tokenHints[subcode] : undefined) ??
      (code === 102
        ? 'The API session is invalid or expired: create a new access token.'
        : code === 0
          ? 'Meta could not authenticate with this token (expired, invalidated, or access turned off): paste a new access token.'
          : 'The access token is invalid or expired: paste a new one, or refresh it if its kind allows.')
    return {
      ...base('token', hint),
      tokenInvalid: true,
      tokenExpired: code === 190 && subcode === 463,
      tokenProblem: known ?? null,
    }
  }

  if (code === 100 && input.message !== undefined && APP_SECRET_REQUIRED.test(input.message)) {
    return base(
      'app_secret_proof',
      'This app has “Require App Secret” on, so Meta refuses calls without appsecret_proof: turn on “Send appsecret_proof” in Settings (or run `switchboard credentials set --appsecret-proof on`).',
    )
  }
  if (code === 100 && input.message !== undefined && APP_SECRET_INVALID.test(input.message)) {
    return base('app_secret_proof', 'The appsecret_proof does not match: the app secret in this profile is not this app’s. Copy it again from App settings → Basic.')
  }

  const delivery = deliveryHints[code]
  if (delivery !== undefined) {
    return { ...base(deliveryKinds[code] ?? 'other', delivery), transient: code === 131057 }
  }

  if (rateLimitCodes.has(code)) {
    return { ...base('rate_limit', rateLimitHints[code] ?? 'A rate limit was hit: wait before retrying.'), rateLimited: true }
  }

  if (code === 131047) {
    return {
      ...base('outside_window', 'Outside the 24-hour customer service window: send an approved template instead (a free-form message is allowed again once the customer replies).'),
      outsideWindow: true,
    }
  }

  if (code === 131026) {
    return {
      ...base('recipient', 'Message undeliverable: the number may not be on WhatsApp, or its user has not accepted the latest terms or runs an old app version; check the number.'),
      recipientNotOnWhatsApp: true,
    }
  }

  if (code >= 132000 && code <= 132999) {
    return {
      ...base('template', templateHints[code] ?? 'The template could not be used as sent: check its name, language, status and parameters in WhatsApp Manager.'),
      templateError: true,
    }
  }

  if (code === 10 || (code >= 200 && code <= 299) || code === 3 || code === 131005) {
    const hint =
      otherHints[code] ??
      (code === 200
        ? 'Permission denied (#200): the token’s system user (or user) has no access to this WhatsApp Business Account or phone number. In Business Settings → Users → System users, assign the WABA to it (Full control), then generate the token again.'
        : undefined) ??
      'Permission denied: the token lacks a permission this call needs (whatsapp_business_messaging / whatsapp_business_management?) — check it in the Access Token Debugger.'
    return { ...base('permission', hint), permission: true }
  }

  const transientByCode = code === 1 || code === 2 || code === 131000
  if (transientByCode || input.isTransient === true) {
    return { ...base('transient', otherHints[code] ?? 'Meta reported a temporary problem: retry shortly.'), transient: true }
  }

  const hint = otherHints[code]
  if (hint !== undefined) return base(otherKinds[code] ?? 'request', hint)
  if (status >= 500) {
    return { ...base('transient', `Meta answered HTTP ${status} (Graph error ${code}): retry shortly.`), transient: input.isTransient !== false }
  }
  const label = `Graph error ${code}${subcode === null ? '' : `/${subcode}`}`
  return base('other', input.source === 'status' ? `${label}: see the error’s title and details above.` : `${label}: see the message and fbtrace_id for details.`)
}
