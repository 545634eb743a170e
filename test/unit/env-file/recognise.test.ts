import { describe, expect, it } from 'vitest'
import { parseEnv, recognise } from '../../../src/main/core/env-file'

describe('.env parsing', () => {
  it('handles quotes, comments, export, CRLF and multi-line quoted values', () => {
    const parsed = parseEnv(
      '\uFEFF# WhatsApp bot\r\nexport WHATSAPP_TOKEN="EAAGabc#notacomment"\r\nPHONE_NUMBER_ID=123 # trailing comment\r\n' +
        "VERIFY_TOKEN='single quoted'\r\nEMPTY=\r\nMULTI=\"a\nb\"\r\n",
    )
    expect(parsed).toEqual({
      WHATSAPP_TOKEN: 'EAAGabc#notacomment',
      PHONE_NUMBER_ID: '123',
      VERIFY_TOKEN: 'single quoted',
      EMPTY: '',
      MULTI: 'a\nb',
    })
  })
})

describe('recognising a WhatsApp integration', () => {
  it('maps the usual names and their aliases, and lists what it does not know', () => {
    const result = recognise({
      WHATSAPP_ACCESS_TOKEN: 'EAAGtoken',
      APP_SECRET: 'secret',
      WHATSAPP_APP_ID: '42',
      WHATSAPP_BUSINESS_ACCOUNT_ID: '77',
      WHATSAPP_PHONE_NUMBER_ID: '88',
      VERIFY_TOKEN: 'v',
      NGROK_AUTHTOKEN: 'ngrok-token',
      PORT: '3000',
      DATABASE_URL: 'postgres://',
    })
    expect(Object.fromEntries(result.recognised.map((r) => [r.field, r.variable]))).toEqual({
      accessToken: 'WHATSAPP_ACCESS_TOKEN',
      appSecret: 'APP_SECRET',
      appId: 'WHATSAPP_APP_ID',
      wabaId: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
      phoneNumberId: 'WHATSAPP_PHONE_NUMBER_ID',
      verifyToken: 'VERIFY_TOKEN',
      ngrokAuthtoken: 'NGROK_AUTHTOKEN',
    })
    expect(result.unrecognised).toEqual(['PORT', 'DATABASE_URL'])
    expect(result.problems).toEqual([])
  })

  it('prefers the canonical name and reports a conflicting alias', () => {
    const result = recognise({ ACCESS_TOKEN: 'EAAold', WHATSAPP_TOKEN: 'EAAnew', APP_ID: '1', WHATSAPP_APP_ID: '1' })
    expect(result.recognised.find((r) => r.field === 'accessToken')).toMatchObject({ variable: 'WHATSAPP_TOKEN', value: 'EAAnew' })
    expect(result.problems).toEqual(['ACCESS_TOKEN differs from WHATSAPP_TOKEN; WHATSAPP_TOKEN is used for the access token'])
  })

  it('ignores empty values', () => {
    expect(recognise({ WHATSAPP_TOKEN: '  ' }).recognised).toEqual([])
  })
})
