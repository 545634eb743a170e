import { createHash } from 'node:crypto'

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'OTP'; otp_type: 'COPY_CODE'; text: string }

export type TemplateComponent =
  | { type: 'HEADER'; format: 'TEXT'; text: string; example?: { header_text: string[] } }
  | { type: 'HEADER'; format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; example: { header_handle: string[] } }
  | { type: 'BODY'; text: string; example?: { body_text: string[][] } }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: TemplateButton[] }

export interface TemplateTranslation {
  name: string
  language: string
  category: TemplateCategory
  components: TemplateComponent[]
}

const HANDLE = ['4::aW1hZ2UvanBlZw==:ARZ-sandbox-header-example']

/** The WABA's approved templates: a few, covering header, body and button parameters. */
export const TEMPLATES: readonly TemplateTranslation[] = [
  {
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      {
        type: 'BODY',
        text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
      },
      { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
    ],
  },
  ...(['en_US', 'es'] as const).map(
    (language): TemplateTranslation => ({
      name: 'order_update',
      language,
      category: 'UTILITY',
      components: [
        {
          type: 'BODY',
          text: language === 'es' ? 'Hola {{1}}, tu pedido {{2}} fue enviado y llegará el {{3}}.' : 'Hi {{1}}, your order {{2}} has shipped and should arrive by {{3}}.',
          example: { body_text: [['Ana', '#10234', 'Friday']] },
        },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: language === 'es' ? 'Seguir pedido' : 'Track order', url: 'https://example.com/track/{{1}}', example: ['https://example.com/track/10234'] }] },
      ],
    }),
  ),
  {
    name: 'appointment_reminder',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: HANDLE } },
      { type: 'BODY', text: 'Hi {{1}}, this is a reminder of your appointment on {{2}}.', example: { body_text: [['Ravi', 'Tuesday at 10:00']] } },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirm' }, { type: 'QUICK_REPLY', text: 'Reschedule' }] },
    ],
  },
  ...(['en_US', 'pt_BR'] as const).map(
    (language): TemplateTranslation => ({
      name: 'seasonal_promotion',
      language,
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'TEXT', text: language === 'pt_BR' ? 'Nossa {{1}} começou!' : 'Our {{1}} is on!', example: { header_text: ['Summer Sale'] } },
        {
          type: 'BODY',
          text:
            language === 'pt_BR'
              ? 'Compre até {{1}} e use o código {{2}} para ganhar {{3}} de desconto.'
              : 'Shop now through {{1}} and use code {{2}} to get {{3}} off all merchandise.',
          example: { body_text: [['the end of August', '25OFF', '25%']] },
        },
        { type: 'FOOTER', text: language === 'pt_BR' ? 'Responda PARAR para sair' : 'Reply STOP to opt out' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: language === 'pt_BR' ? 'Parar promoções' : 'Stop promotions' }] },
      ],
    }),
  ),
  {
    name: 'verification_code',
    language: 'en_US',
    category: 'AUTHENTICATION',
    components: [
      { type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.', example: { body_text: [['482193']] } },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
    ],
  },
]

export function findTemplate(name: string): TemplateTranslation[] {
  return TEMPLATES.filter((template) => template.name === name)
}

/** Template ids are stable per WABA, as Meta's are. */
export function templateId(wabaId: string, template: TemplateTranslation): string {
  const digest = createHash('sha256').update(`${wabaId}:${template.name}:${template.language}`).digest()
  return `1${(digest.readBigUInt64BE(0) % 10n ** 15n).toString().padStart(15, '0')}`
}

/** A template as `GET /{waba-id}/message_templates` lists it. */
export function listedTemplate(wabaId: string, template: TemplateTranslation): Record<string, unknown> {
  return {
    name: template.name,
    parameter_format: 'POSITIONAL',
    components: template.components,
    language: template.language,
    status: 'APPROVED',
    category: template.category,
    id: templateId(wabaId, template),
  }
}

export function variableCount(text: string): number {
  return new Set(text.match(/\{\{\d+\}\}/g) ?? []).size
}
