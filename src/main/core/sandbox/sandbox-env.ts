import type { SandboxState } from './state'

export type SandboxEnvName = 'WHATSAPP_TOKEN' | 'WHATSAPP_APP_ID' | 'WHATSAPP_APP_SECRET' | 'PHONE_NUMBER_ID' | 'WABA_ID' | 'VERIFY_TOKEN' | 'GRAPH_API_BASE'

/** The `.env` block that points any WhatsApp integration at the running sandbox. Sandbox values, not real secrets. */
export function sandboxEnv(state: SandboxState, baseUrl: string): Record<SandboxEnvName, string> {
  return {
    WHATSAPP_TOKEN: state.profileToken,
    WHATSAPP_APP_ID: state.app.id,
    WHATSAPP_APP_SECRET: state.app.secret,
    PHONE_NUMBER_ID: state.phoneNumbers[0]?.id ?? '',
    WABA_ID: state.waba.id,
    VERIFY_TOKEN: state.verifyToken,
    GRAPH_API_BASE: baseUrl,
  }
}
