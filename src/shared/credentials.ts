import { z } from 'zod'

/**
 * What a credential should look like. Shared by the settings form (inline hints as you type) and the
 * core (the same rules on save), so both say the same thing.
 */

export const DEFAULT_GRAPH_VERSION = 'v25.0'

export const graphVersion = z.string().regex(/^v\d{1,2}\.0$/, 'Graph API versions look like v25.0')

export const idField = z
  .string()
  .trim()
  .regex(/^\d{1,30}$/, 'Use digits only: copy the ID from API Setup or Business Settings')

/** An app token (`APP_ID|APP_SECRET` or `APP_ID|<hash>`) identifies the app, not a user with WABA access. */
export function isAppTokenShape(token: string): boolean {
  return /^\d{5,20}\|[A-Za-z0-9_-]+$/.test(token.trim())
}

export function accessTokenWarning(token: string): string | null {
  const value = token.trim()
  if (value === '') return null
  if (/\s/.test(value)) return 'The token contains spaces or line breaks: check the paste'
  if (!/^EAA[A-Za-z0-9]+$/.test(value)) return 'This does not look like a Graph access token (those start with EAA, letters and digits only)'
  if (value.length < 60) return 'This token is unusually short for a Graph access token: check the paste'
  return null
}

export function appSecretWarning(secret: string): string | null {
  const value = secret.trim()
  if (value === '') return null
  return /^[0-9a-f]{32}$/.test(value) ? null : 'App secrets are 32 hexadecimal characters (App settings → Basic)'
}

export const appTokenRefusal =
  'This is an app token (APP_ID|…): it identifies the app, not a user with access to the WhatsApp Business Account, so it cannot send messages. ' +
  'Use a system-user token (Business Settings → System users → Generate token) with whatsapp_business_messaging and whatsapp_business_management.'
