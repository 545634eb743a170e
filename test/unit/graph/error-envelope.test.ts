import { describe, expect, it } from 'vitest'
import { describeForeignBody, parseErrorBody } from '../../../src/main/core/graph/error-envelope'

describe('parseErrorBody', () => {
  it('reads every field of Meta’s envelope', () => {
    const body = JSON.stringify({
      error: {
        message: '(#131047) Re-engagement message',
        type: 'OAuthException',
        code: 131047,
        error_subcode: 2494010,
        error_user_title: 'Title',
        error_user_msg: 'User message',
        error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed' },
        fbtrace_id: 'Trace1',
        is_transient: false,
      },
    })
    expect(parseErrorBody(400, 'application/json', body, 'HeaderTrace')).toEqual({
      message: '(#131047) Re-engagement message',
      type: 'OAuthException',
      code: 131047,
      subcode: 2494010,
      fbtraceId: 'Trace1',
      isTransient: false,
      userTitle: 'Title',
      userMessage: 'User message',
      errorData: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed' },
      details: 'More than 24 hours have passed',
      unexpectedResponse: false,
    })
  })

  it('fills what the envelope leaves out, taking the trace id from the header', () => {
    const parsed = parseErrorBody(500, null, '{"error":{"code":"2"}}', 'HeaderTrace')
    expect(parsed).toMatchObject({ code: 2, subcode: null, type: 'UnknownGraphError', fbtraceId: 'HeaderTrace', isTransient: null, details: null })
    expect(parsed.message).toMatch(/without a message/)
  })

  it('turns anything else into an unexpected response, never a crash', () => {
    const cases: Array<[string, string | null, RegExp]> = [
      ['<html><head><title>502 Bad Gateway</title></head></html>', 'text/html', /HTML page \(“502 Bad Gateway”\)/],
      ['<!DOCTYPE html><body><h1>Service Unavailable</h1></body>', null, /HTML page \(“Service Unavailable”\)/],
      ['', null, /an empty body/],
      ['   \n', 'application/json', /an empty body/],
      ['{"error":"invalid_request"}', 'application/json', /“invalid_request”/],
      ['{"error":{"message":"no code here"}}', 'application/json', /no code here/],
      ['[1,2,3]', 'application/json', /JSON that is not a Graph error/],
      ['null', 'application/json', /JSON that is not a Graph error/],
      ['{"error":', 'application/json', /“\{"error":”/],
      ['x'.repeat(5000), 'text/plain', /…”$/],
    ]
    for (const [body, type, message] of cases) {
      const parsed = parseErrorBody(502, type, body, null)
      expect(parsed.unexpectedResponse).toBe(true)
      expect(parsed.code).toBe(-1)
      expect(parsed.message).toMatch(message)
      expect(parsed.message.length).toBeLessThan(250)
    }
  })

  it('keeps an HTML description to one short line', () => {
    expect(describeForeignBody(`<html><title>${'t'.repeat(500)}</title></html>`, 'text/html').length).toBeLessThan(140)
    expect(describeForeignBody('<html><body>no title</body></html>', 'text/html')).toBe('an HTML page')
  })
})
