/**
 * Which variables of a typical WhatsApp integration's .env mean what. The first name in each list
 * wins when several are present with different values.
 */
export const envFields = {
  accessToken: {
    label: 'Access token',
    secret: true,
    names: ['WHATSAPP_TOKEN', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_API_TOKEN', 'WA_TOKEN', 'WA_ACCESS_TOKEN', 'CLOUD_API_ACCESS_TOKEN', 'META_ACCESS_TOKEN', 'GRAPH_API_TOKEN', 'ACCESS_TOKEN', 'TOKEN'],
  },
  appId: { label: 'App ID', secret: false, names: ['WHATSAPP_APP_ID', 'META_APP_ID', 'FACEBOOK_APP_ID', 'FB_APP_ID', 'APP_ID'] },
  appSecret: {
    label: 'App secret',
    secret: true,
    names: ['WHATSAPP_APP_SECRET', 'META_APP_SECRET', 'FACEBOOK_APP_SECRET', 'FB_APP_SECRET', 'APP_SECRET'],
  },
  verifyToken: {
    label: 'Verify token',
    secret: true,
    names: ['VERIFY_TOKEN', 'WHATSAPP_VERIFY_TOKEN', 'WEBHOOK_VERIFY_TOKEN', 'WA_VERIFY_TOKEN', 'META_VERIFY_TOKEN'],
  },
  phoneNumberId: {
    label: 'Phone number ID',
    secret: false,
    names: ['PHONE_NUMBER_ID', 'WHATSAPP_PHONE_NUMBER_ID', 'WA_PHONE_NUMBER_ID', 'BUSINESS_PHONE_NUMBER_ID', 'CLOUD_API_PHONE_NUMBER_ID', 'PHONE_ID'],
  },
  wabaId: {
    label: 'WhatsApp Business Account ID',
    secret: false,
    names: ['WABA_ID', 'WHATSAPP_BUSINESS_ACCOUNT_ID', 'WHATSAPP_WABA_ID', 'WA_BUSINESS_ACCOUNT_ID', 'BUSINESS_ACCOUNT_ID'],
  },
  graphVersion: { label: 'Graph API version', secret: false, names: ['GRAPH_API_VERSION', 'WHATSAPP_API_VERSION', 'CLOUD_API_VERSION', 'API_VERSION'] },
  systemUserId: { label: 'System user ID', secret: false, names: ['SYSTEM_USER_ID', 'WHATSAPP_SYSTEM_USER_ID'] },
  adminToken: { label: 'System-user admin token', secret: true, names: ['SYSTEM_USER_ADMIN_TOKEN', 'WHATSAPP_ADMIN_TOKEN'] },
  ngrokAuthtoken: { label: 'ngrok authtoken', secret: true, names: ['NGROK_AUTHTOKEN'] },
} as const

export type EnvField = keyof typeof envFields

export interface Recognised {
  field: EnvField
  variable: string
  value: string
}

export interface Recognition {
  recognised: Recognised[]
  unrecognised: string[]
  problems: string[]
}

export function recognise(variables: Record<string, string>): Recognition {
  const recognised: Recognised[] = []
  const problems: string[] = []
  const used = new Set<string>()
  for (const [field, spec] of Object.entries(envFields) as [EnvField, (typeof envFields)[EnvField]][]) {
    const present = spec.names.filter((name) => variables[name] !== undefined && variables[name].trim() !== '')
    const [first, ...others] = present
    for (const name of present) used.add(name)
    if (first === undefined) continue
    const value = variables[first]!.trim()
    recognised.push({ field, variable: first, value })
    const conflicting = others.filter((name) => variables[name]!.trim() !== value)
    if (conflicting.length) problems.push(`${conflicting.join(', ')} ${conflicting.length === 1 ? 'differs' : 'differ'} from ${first}; ${first} is used for the ${spec.label.toLowerCase()}`)
  }
  const unrecognised = Object.keys(variables).filter((name) => !used.has(name))
  return { recognised, unrecognised, problems }
}
