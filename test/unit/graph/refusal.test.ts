import { describe, expect, it } from 'vitest'
import { describeGraphError, GraphError, GraphNetworkError, refusalOf } from '../../../src/main/core/graph'
import { parseErrorBody } from '../../../src/main/core/graph/error-envelope'

const request = { method: 'POST' as const, url: 'https://graph.facebook.com/v23.0/123/messages', requestId: 'req-1' }

function answered(status: number, body: string): GraphError {
  const parsed = parseErrorBody(status, 'application/json', body, 'HeaderTrace')
  const facts = describeGraphError({ status, code: parsed.code, subcode: parsed.subcode, isTransient: parsed.isTransient, unexpectedResponse: parsed.unexpectedResponse, message: parsed.message })
  return new GraphError({ ...request, status, body: parsed, facts })
}

describe('refusalOf: what a refused send keeps', () => {
  it('keeps the code, subcode, a short title and the details, with the recipient taken out', () => {
    const error = answered(
      400,
      JSON.stringify({
        error: {
          message: '(#131030) Recipient phone number not in allowed list',
          type: 'OAuthException',
          code: 131030,
          error_subcode: 2655007,
          error_data: { messaging_product: 'whatsapp', details: 'Recipient 4915112345678 is not in the allowed list: add 4915112345678 under API Setup' },
          fbtrace_id: 'Trace1',
        },
      }),
    )
    expect(refusalOf(error, ['4915112345678'])).toEqual({
      httpStatus: 400,
      code: 131030,
      subcode: 2655007,
      title: 'Recipient phone number not in allowed list',
      details: 'Recipient (the recipient) is not in the allowed list: add (the recipient) under API Setup',
      fbtraceId: 'Trace1',
    })
  })

  it('prefers Meta’s own title for the user, and keeps an answer that was not Graph’s without a code', () => {
    const titled = answered(400, JSON.stringify({ error: { message: 'Invalid parameter', code: 100, error_user_title: 'Bad number', error_user_msg: 'Check it', fbtrace_id: 'T' } }))
    expect(refusalOf(titled)).toMatchObject({ code: 100, title: 'Bad number', details: 'Check it' })
    const proxy = answered(502, '<html><title>Bad Gateway</title></html>')
    expect(refusalOf(proxy)).toMatchObject({ httpStatus: 502, code: null, subcode: null, title: expect.stringContaining('HTTP 502') as string, fbtraceId: 'HeaderTrace' })
  })

  it('is nothing for errors without Graph’s answer', () => {
    expect(refusalOf(new GraphNetworkError({ ...request, reason: 'refused', message: 'Connection refused', fix: 'Check the URL' }))).toBeNull()
    expect(refusalOf(new Error('boom'))).toBeNull()
  })
})
