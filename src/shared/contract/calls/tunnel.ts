import { z } from 'zod'
import { epochMs, noInput } from '../../schemas'
import { call } from '../define'
import { appError } from '../envelope'

/** How the listener is exposed: a cloudflared quick tunnel, ngrok, or a public URL the user runs. */
export const tunnelProviders = ['cloudflared', 'ngrok', 'manual'] as const
export type TunnelProviderKind = (typeof tunnelProviders)[number]

export const tunnelStates = ['off', 'starting', 'online', 'error'] as const
export type TunnelState = (typeof tunnelStates)[number]

/**
 * Where Meta is told to deliver: the number's override (default; production untouched), the WABA's
 * override, or the app-wide callback (replaces the production URL for every number of the app).
 */
export const registrationModes = ['phone_number', 'waba', 'app'] as const
export type RegistrationMode = (typeof registrationModes)[number]

export const registrationModeLabels: Record<RegistrationMode, string> = {
  phone_number: 'This phone number only (override; production untouched)',
  waba: 'Every number of the WhatsApp Business Account (WABA override)',
  app: 'The app-wide callback (replaces the production URL)',
}

export const APP_CALLBACK_WARNING =
  "The app-wide callback replaces the app's production webhook URL for every WhatsApp Business Account and number of the app: production receives nothing until it is put back. Switchboard puts the previous URL back on Stop."

/** Meta's names for the three levels a callback can be set at, in the order Meta consults them. */
export const callbackLevels = ['phone_number', 'waba', 'app'] as const
export type CallbackLevel = (typeof callbackLevels)[number]

export const selfTestResult = z.object({
  ok: z.boolean(),
  at: epochMs,
  /** The request as sent, verify token masked. */
  url: z.string(),
  /** HTTP status of the answer; null when none came. */
  status: z.number().int().nullable(),
  /** The answer was exactly the challenge. */
  echoed: z.boolean(),
  /** The request shows in this listener's request inspector: it went through the tunnel to us. */
  reachedListener: z.boolean(),
  durationMs: z.number().int().nonnegative(),
  message: z.string(),
})
export type SelfTestResult = z.infer<typeof selfTestResult>

/** A callback Switchboard set at Meta, kept until it is put back (on Stop, quit, or the next start after a crash). */
export const registrationRecord = z.object({
  id: z.number().int(),
  profileId: z.string(),
  mode: z.enum(registrationModes),
  /** The phone number ID, WABA ID or app ID the callback was set on. */
  targetId: z.string(),
  callbackUrl: z.string(),
  /** What was there before (put back on removal); null: nothing, so the override is removed. */
  previousUrl: z.string().nullable(),
  createdAt: epochMs,
  /** Set by this process (false: by another Switchboard, still running or crashed and not yet put back). */
  ownedHere: z.boolean(),
})
export type RegistrationRecordView = z.infer<typeof registrationRecord>

const savedChoice = z.object({
  provider: z.enum(tunnelProviders),
  url: z.string().nullable(),
  domain: z.string().nullable(),
})

export const tunnelStatus = z.object({
  provider: z.enum(tunnelProviders).nullable(),
  state: z.enum(tunnelStates),
  /** The public base URL (no path), once online. */
  publicUrl: z.string().nullable(),
  /** What Meta should call: the public URL + `/webhook`. */
  webhookUrl: z.string().nullable(),
  error: z.string().nullable(),
  fix: z.string().nullable(),
  /** When the state last changed. */
  since: epochMs,
  /** When a dead provider process is started again (cloudflared), if it is going to be. */
  retryAt: epochMs.nullable(),
  restarts: z.number().int().nonnegative(),
  /** The provider's last log lines, secrets masked. */
  logs: z.array(z.string()),
  selfTest: selfTestResult.nullable(),
  /** Callbacks Switchboard set at Meta and will put back. */
  registrations: z.array(registrationRecord),
  /** The active profile's last choice, to preselect the picker. */
  saved: savedChoice.nullable(),
  /** Register the new URL again by itself when a quick tunnel comes back with another one. */
  autoReregister: z.boolean(),
})
export type TunnelStatus = z.infer<typeof tunnelStatus>

export const healthProblem = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  fix: z.string().nullable(),
})
export type HealthProblem = z.infer<typeof healthProblem>

export const webhookHealth = z.object({
  profileId: z.string(),
  checkedAt: epochMs,
  phoneNumberId: z.string().nullable(),
  wabaId: z.string().nullable(),
  appId: z.string().nullable(),
  /** `GET /{phone-number-id}?fields=webhook_configuration`: the callback set at each level (null: none, or unknown). */
  destinations: z.object({ phoneNumber: z.string().nullable(), waba: z.string().nullable(), app: z.string().nullable() }),
  /** Where this number's `messages` webhooks go now: the first level that is set. */
  effective: z.object({ level: z.enum(callbackLevels).nullable(), url: z.string().nullable() }),
  /** Whether that is this tunnel; null while the tunnel is not online. */
  pointsAtTunnel: z.boolean().nullable(),
  /** `GET /{waba-id}/subscribed_apps`: null when it could not be read. */
  appSubscribedToWaba: z.boolean().nullable(),
  subscribedApps: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), overrideCallbackUri: z.string().nullable() })),
  /** `GET /{app-id}/subscriptions` for `whatsapp_business_account`: null when there is none (or it could not be read). */
  appSubscription: z
    .object({
      callbackUrl: z.string().nullable(),
      active: z.boolean(),
      fields: z.array(z.object({ name: z.string(), version: z.string().nullable() })),
    })
    .nullable(),
  /** Whether the app subscription includes the `messages` field; null when unknown. */
  messagesField: z.boolean().nullable(),
  /** The usual reasons why "the test works but real messages never arrive", as found. */
  problems: z.array(healthProblem),
  /** Checks that could not be made, with the Graph error. */
  errors: z.array(z.object({ check: z.enum(['phone_number', 'waba', 'app']), error: appError })),
})
export type WebhookHealth = z.infer<typeof webhookHealth>

export const registrationResult = z.object({
  mode: z.enum(registrationModes),
  callbackUrl: z.string(),
  /** Set for the app-wide mode. */
  warning: z.string().nullable(),
  /** Each Graph call made, with Meta's answer. */
  steps: z.array(z.object({ request: z.string(), answer: z.unknown() })),
  record: registrationRecord,
  health: webhookHealth,
})
export type RegistrationResult = z.infer<typeof registrationResult>

export const unregisterResult = z.object({
  removed: z.array(registrationRecord),
  failed: z.array(z.object({ record: registrationRecord, error: appError })),
})
export type UnregisterResult = z.infer<typeof unregisterResult>

const hostname = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

export const tunnelStartInput = z
  .strictObject({
    provider: z.enum(tunnelProviders),
    /** Manual only: the public URL that reaches this machine's listener (`/webhook` is appended). */
    url: z.url({ protocol: /^https?$/, error: 'Give the public http(s) URL' }).max(2048).optional(),
    /** ngrok only: a reserved domain. */
    domain: z.string().trim().regex(hostname, 'A domain name such as example.ngrok.app').optional(),
  })
  .refine((input) => input.provider !== 'manual' || input.url !== undefined, { message: 'A manual tunnel needs its public URL', path: ['url'] })
  .refine((input) => input.provider === 'manual' || input.url === undefined, { message: 'Only a manual tunnel takes a URL', path: ['url'] })
  .refine((input) => input.provider === 'ngrok' || input.domain === undefined, { message: 'Only ngrok takes a reserved domain', path: ['domain'] })
export type TunnelStartInput = z.output<typeof tunnelStartInput>

export const tunnelCalls = {
  'tunnel.status': call({ summary: 'The tunnel: provider, state, public URL, last log lines, self-test and what is registered at Meta', input: noInput, result: tunnelStatus }),
  'tunnel.start': call({
    summary: 'Expose the webhook listener through cloudflared, ngrok or a manual public URL; settles once online or failed',
    input: tunnelStartInput,
    result: tunnelStatus,
  }),
  'tunnel.stop': call({ summary: 'Put back what was registered at Meta, then stop the tunnel', input: noInput, result: tunnelStatus }),
  'tunnel.selfTest': call({
    summary: "Send Meta's verification request to the public URL and check the challenge comes back through the tunnel",
    input: noInput,
    result: selfTestResult,
  }),
  'tunnel.setAutoReregister': call({
    summary: 'Register again by itself when a quick tunnel comes back with a new URL',
    input: z.strictObject({ enabled: z.boolean() }),
    result: tunnelStatus,
  }),
  'registration.register': call({
    summary: "Point Meta at the tunnel for the active profile (default: this phone number's override) and show Meta's answer",
    input: z
      .strictObject({
        mode: z.enum(registrationModes).default('phone_number'),
        /** Required for the app-wide mode: it replaces the production URL. */
        replaceAppCallback: z.boolean().optional(),
      })
      .refine((input) => input.mode !== 'app' || input.replaceAppCallback === true, { message: APP_CALLBACK_WARNING, path: ['replaceAppCallback'] }),
    result: registrationResult,
  }),
  'registration.unregister': call({ summary: 'Put back every callback this Switchboard set at Meta', input: noInput, result: unregisterResult }),
  'registration.health': call({
    summary: "Where this number's webhooks go now, whether the app is subscribed to the WABA and to `messages`, and what is wrong",
    input: noInput,
    result: webhookHealth,
  }),
}
