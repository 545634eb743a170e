import { describe, expect, it } from 'vitest'
import type { AppError, TemplateView } from '../../src/shared/contract'
import { buildMessage, emptyForm, kinds } from '../../src/renderer/src/screens/compose/message-form'
import { retryAdvice } from '../../src/renderer/src/screens/compose/send-error'
import { templateForm } from '../../src/renderer/src/screens/compose/template-form'
import { addressOf, customerLabel } from '../../src/renderer/src/components/customer-label'

const orderUpdate: TemplateView = {
  id: '1',
  name: 'order_update',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'BODY', format: null, text: 'Hi {{1}}, order {{2}} ships {{3}}.', examples: { positional: ['Ana', '#1', 'Friday'], named: [] }, buttons: [] },
    { type: 'BUTTONS', format: null, text: null, examples: { positional: [], named: [] }, buttons: [{ type: 'URL', text: 'Track', url: 'https://x.example/{{1}}' }, { type: 'QUICK_REPLY', text: 'Stop', url: null }] },
  ],
}

describe('the composer form', () => {
  it('offers exactly the kinds the contract can send', () => {
    expect(kinds).toEqual(['text', 'template', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'reaction', 'contacts', 'buttons', 'list', 'cta_url'])
  })

  it('builds a template message with every placeholder, and names what is missing', () => {
    const form = templateForm(orderUpdate)
    expect(form.body?.placeholders).toEqual([
      { key: '1', example: 'Ana' },
      { key: '2', example: '#1' },
      { key: '3', example: 'Friday' },
    ])
    expect(form.buttons.map((b) => [b.type, b.input])).toEqual([
      ['URL', 'required'],
      ['QUICK_REPLY', 'optional'],
    ])
    const partial = buildMessage({ ...emptyForm, kind: 'template', template: 'order_update|en_US', values: { header: {}, headerLink: '', body: { '1': 'Ana' }, buttons: {} } }, { view: orderUpdate, form })
    expect(partial.message).toBeNull()
    expect(partial.missing).toEqual(['body {{2}}', 'body {{3}}', 'button “Track”'])
    const full = buildMessage(
      { ...emptyForm, kind: 'template', values: { header: {}, headerLink: '', body: { '1': 'Ana', '2': '#7', '3': 'Monday' }, buttons: { 0: '7' } } },
      { view: orderUpdate, form },
    )
    expect(full.message).toEqual({ kind: 'template', name: 'order_update', language: 'en_US', body: ['Ana', '#7', 'Monday'], buttons: [{ index: 0, subType: 'url', value: '7' }] })
  })

  it('refuses what the contract would refuse, field by field', () => {
    expect(buildMessage({ ...emptyForm, kind: 'text', text: 'x'.repeat(4097) }, null).problems.text).toMatch(/At most 4,096 characters/)
    expect(buildMessage({ ...emptyForm, kind: 'image', link: 'ftp://x.example/a.jpg' }, null).problems.link).toMatch(/http\(s\)/)
    expect(buildMessage({ ...emptyForm, kind: 'location', latitude: '91', longitude: '0' }, null).problems.latitude).toMatch(/-90 and 90/)
  })

  it('sends a picked file by its id once Meta has it, and names what is wrong with it before', () => {
    const picked = { uploadId: 'u1', name: 'kettle.png', size: 2048, mimeType: 'image/png', mediaId: null, problem: null }
    expect(buildMessage({ ...emptyForm, kind: 'image', file: picked }, null)).toMatchObject({ message: null, missing: ['the upload to finish'] })
    expect(buildMessage({ ...emptyForm, kind: 'image', file: { ...picked, mediaId: '42' }, caption: 'Broken' }, null).message).toEqual({ kind: 'image', mediaId: '42', caption: 'Broken' })
    expect(buildMessage({ ...emptyForm, kind: 'sticker', file: { ...picked, mediaId: '42' } }, null).problems.file).toBe('WhatsApp does not take image/png as a sticker: use image/webp')
    const document = buildMessage({ ...emptyForm, kind: 'document', file: { ...picked, name: 'invoice.pdf', mimeType: 'application/pdf', mediaId: '7' } }, null)
    expect(document.message).toEqual({ kind: 'document', mediaId: '7', filename: 'invoice.pdf' })
  })

  it('builds buttons and lists within Meta’s limits', () => {
    const buttons = buildMessage({ ...emptyForm, kind: 'buttons', body: 'Ship today?', buttons: [{ id: 'b1', title: 'Yes' }, { id: 'b2', title: 'A title far too long for it' }] }, null)
    expect(buttons.problems['buttons.1']).toMatch(/At most 20 characters/)
    const sections = [{ title: 'Tuesday', rows: [{ id: 'r1', title: '10:00', description: '' }] }]
    expect(buildMessage({ ...emptyForm, kind: 'list', body: 'When?', listButton: 'Slots', sections }, null).message).toEqual({
      kind: 'list',
      body: 'When?',
      button: 'Slots',
      sections: [{ title: 'Tuesday', rows: [{ id: 'r1', title: '10:00' }] }],
    })
    expect(buildMessage({ ...emptyForm, kind: 'list', body: 'When?', sections }, null).missing).toEqual(['the list button’s text'])
  })
})

describe('how a customer is shown and addressed', () => {
  it('names a username customer by name, shows the username and BSUID, and answers the BSUID', () => {
    const person = { key: 'US.1349', name: 'Sheena', phone: null, userId: 'US.1349', username: '@sheena' }
    expect(customerLabel(person)).toEqual({ title: 'Sheena', detail: '@sheena · US.1349' })
    expect(addressOf(person)).toBe('US.1349')
  })

  it('answers the phone number once Meta shared it, and shows it instead of the BSUID', () => {
    const person = { key: 'US.1349', name: null, phone: '15550100', userId: 'US.1349', username: '@sheena' }
    expect(customerLabel(person)).toEqual({ title: '@sheena', detail: '+15550100' })
    expect(addressOf(person)).toBe('+15550100')
  })
})

describe('when to retry after a rate limit', () => {
  const limited = (headers: Record<string, string>): AppError => ({
    code: 'graph',
    message: 'rate limited',
    graph: { status: 429, code: 130429, subcode: null, type: 'OAuthException', message: '', fbtraceId: null, hint: '' },
    exchange: { requestId: 'r', method: 'POST', url: '/', requestHeaders: {}, requestBody: null, status: 429, responseHeaders: headers, responseBody: null, durationMs: 1, fbtraceId: null, attempts: 1 },
  })

  it('reads Retry-After, then Meta’s usage header, then falls back to what Meta documents', () => {
    const now = Date.UTC(2026, 0, 1, 12)
    expect(retryAdvice(limited({ 'retry-after': '30' }), now)).toMatch(/in 30 s/)
    expect(retryAdvice(limited({ 'x-business-use-case-usage': JSON.stringify({ '123': [{ estimated_time_to_regain_access: 12 }] }) }), now)).toMatch(/about 12 min/)
    expect(retryAdvice(limited({ 'x-business-use-case-usage': 'not json' }), now)).toMatch(/Retry in a few seconds/)
  })
})
