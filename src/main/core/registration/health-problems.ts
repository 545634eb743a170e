import type { CallbackLevel, HealthProblem } from '@shared/contract'
import type { AppSubscription, SubscribedApp, WebhookDestinations } from './graph-answers'

/** What the three reads found; `null` where a read failed (or, for the subscription, found nothing). */
export interface HealthFacts {
  /** The sandbox accepts http callbacks; Meta does not. */
  sandbox: boolean
  appId: string | null
  destinations: WebhookDestinations | null
  subscribedApps: SubscribedApp[] | null
  /** `undefined`: could not be read; `null`: read, and there is none. */
  appSubscription: AppSubscription | null | undefined
  /** The tunnel's `/webhook` URL while it is online. */
  tunnelWebhookUrl: string | null
  /** Callback URLs Switchboard set and has not put back yet. */
  ownUrls: readonly string[]
}

export interface HealthAnalysis {
  effective: { level: CallbackLevel | null; url: string | null }
  pointsAtTunnel: boolean | null
  appSubscribedToWaba: boolean | null
  messagesField: boolean | null
  problems: HealthProblem[]
}

const levelNames: Record<CallbackLevel, string> = {
  phone_number: "the phone number's override",
  waba: "the WABA's override",
  app: "the app's callback",
}

const tunnelHosts = /(\.trycloudflare\.com|\.ngrok-free\.app|\.ngrok-free\.dev|\.ngrok\.app|\.ngrok\.dev|\.ngrok\.io)$/i

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

const problem = (severity: HealthProblem['severity'], message: string, fix: string | null = null): HealthProblem => ({ severity, message, fix })

/**
 * Turns the reads into where this number's webhooks go and the usual reasons why "the test works
 * but real messages never arrive", each with the way out. Pure: no I/O.
 */
export function analyseHealth(facts: HealthFacts): HealthAnalysis {
  const problems: HealthProblem[] = []
  const destinations = facts.destinations

  let appSubscribedToWaba: boolean | null = null
  if (facts.subscribedApps) {
    appSubscribedToWaba = facts.appId ? facts.subscribedApps.some((app) => app.id === facts.appId) : facts.subscribedApps.length > 0
    if (!facts.appId && facts.subscribedApps.length > 0) {
      problems.push(problem('info', `The profile has no app ID, so it is unknown whether its app is among the ${facts.subscribedApps.length} app(s) subscribed to the WABA`, 'Set the app ID in Settings'))
    }
  }
  if (appSubscribedToWaba === false) {
    problems.push(
      problem(
        'error',
        "The app is not subscribed to the WhatsApp Business Account, so Meta sends it no webhooks for this number at all. The App Dashboard's Test button still delivers its sample, which is why the test works while real messages never arrive.",
        'Register with Meta subscribes it (POST /{waba-id}/subscribed_apps), or make that call with a token that manages the WABA',
      ),
    )
  }

  let messagesField: boolean | null = null
  if (facts.appSubscription === null) {
    messagesField = false
    problems.push(
      problem(
        'error',
        'The app has no webhook subscription for whatsapp_business_account: no callback URL and no fields are set.',
        'Set the callback URL and subscribe to the messages field in the App Dashboard (WhatsApp → Configuration), or register the app-wide callback',
      ),
    )
  } else if (facts.appSubscription) {
    messagesField = facts.appSubscription.fields.some((field) => field.name === 'messages')
    if (!messagesField) {
      problems.push(
        problem(
          'error',
          'The app is not subscribed to the messages field: Meta sends no incoming messages or statuses, whatever the callback URL or overrides say, while the Test button still delivers its sample.',
          'App Dashboard → WhatsApp → Configuration → Webhook fields: subscribe to messages',
        ),
      )
    }
    if (!facts.appSubscription.active) problems.push(problem('warning', "The app's webhook subscription is not active.", 'Check it in the App Dashboard (WhatsApp → Configuration)'))
  }

  const level: CallbackLevel | null = !destinations ? null : destinations.phoneNumber ? 'phone_number' : destinations.waba ? 'waba' : destinations.app ? 'app' : null
  const url = !destinations || !level ? null : level === 'phone_number' ? destinations.phoneNumber : level === 'waba' ? destinations.waba : destinations.app
  const effective = appSubscribedToWaba === false ? { level: null, url: null } : { level, url }

  if (destinations && !level) {
    problems.push(problem('error', 'No callback URL applies to this number: none is set on the number, the WABA or the app.', 'Register with Meta, or set the callback URL in the App Dashboard'))
  }

  const pointsAtTunnel = facts.tunnelWebhookUrl === null || !destinations ? null : effective.url === facts.tunnelWebhookUrl
  if (pointsAtTunnel === false && effective.url && effective.level) {
    problems.push(
      problem('warning', `Webhooks for this number go to ${effective.url} (${levelNames[effective.level]}), not to this tunnel.`, 'Register with Meta to point this number at the tunnel'),
    )
  }

  if (destinations) {
    for (const [at, value] of [
      ['phone_number', destinations.phoneNumber],
      ['waba', destinations.waba],
    ] as const) {
      if (!value || value === facts.tunnelWebhookUrl) continue
      if (facts.ownUrls.includes(value) || tunnelHosts.test(hostOf(value))) {
        problems.push(
          problem(
            'warning',
            `${levelNames[at][0]!.toUpperCase()}${levelNames[at].slice(1)} points at ${value}, a tunnel that is not this one (any more): what Meta sends there is lost.`,
            'Unregister to put back what was there before, or register this tunnel instead',
          ),
        )
      }
    }
  }

  if (!facts.sandbox && effective.url && !effective.url.startsWith('https://')) {
    problems.push(problem('warning', `Meta delivers only to https URLs with a valid certificate, not to ${effective.url}.`, 'Use a tunnel or a reverse proxy with https'))
  }

  if (effective.level === 'phone_number' || effective.level === 'waba') {
    problems.push(
      problem(
        'info',
        "Overrides carry messages webhooks (and calls, echoes and a few others); template, account and quality webhooks still go to the app's callback.",
      ),
    )
  }

  return { effective, pointsAtTunnel, appSubscribedToWaba, messagesField, problems }
}
