import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SwitchboardError } from '@shared/contract'
import { GraphError, type GraphClient } from '../../../src/main/core/graph'
import { startStub, testClient, type Stub } from './stub-graph'
import { fakeToken } from '../../support/secrets'

const token = fakeToken('errorsTokenValue1234567890')

interface Case {
  name: string
  status: number
  body: string
  contentType?: string
  expect: Partial<Omit<GraphError, 'hint' | 'message'>> & { hint?: RegExp; message?: RegExp }
}

const envelope = (error: Record<string, unknown>) => JSON.stringify({ error: { type: 'OAuthException', fbtrace_id: 'TraceAbc123', ...error } })

const cases: Case[] = [
  {
    name: 'expired',
    status: 401,
    body: envelope({ message: 'Error validating access token: Session has expired on Monday, 22-Sep-25 02:00:00 PDT.', code: 190, error_subcode: 463 }),
    expect: {
      code: 'token_expired',
      kind: 'token',
      tokenExpired: true,
      tokenInvalid: true,
      graphCode: 190,
      subcode: 463,
      fbtraceId: 'TraceAbc123',
      tokenProblem: 'The token has expired.',
      hint: /expired and can no longer be exchanged: paste a new one/,
      message: /Session has expired on Monday.*\(Graph error 190\/463, HTTP 401\)/,
    },
  },
  {
    name: 'password-changed',
    status: 401,
    body: envelope({ message: 'Error validating access token: The session has been invalidated because the user changed their password.', code: 190, error_subcode: 460 }),
    expect: { code: 'token_expired', tokenExpired: false, tokenInvalid: true, subcode: 460, hint: /changed password/ },
  },
  {
    name: 'invalid-token',
    status: 401,
    body: envelope({ message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }),
    expect: { code: 'token_expired', tokenInvalid: true, tokenExpired: false, subcode: null, tokenProblem: null, hint: /invalid or expired/ },
  },
  {
    name: 'throughput',
    status: 400,
    body: envelope({
      message: '(#130429) Rate limit hit',
      code: 130429,
      error_subcode: 2494055,
      is_transient: true,
      error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time' },
    }),
    expect: {
      code: 'graph',
      kind: 'rate_limit',
      rateLimited: true,
      transient: false,
      isTransient: true,
      details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
      hint: /throughput limit.*retry after a short pause/,
      message: /Rate limit hit: Message failed to send because/,
    },
  },
  {
    name: 'app-rate-limit',
    status: 429,
    body: envelope({ message: 'Application request limit reached', code: 4, is_transient: true }),
    expect: { kind: 'rate_limit', rateLimited: true, hint: /call rate limit/ },
  },
  {
    name: 'waba-rate-limit',
    status: 400,
    body: envelope({ message: '(#80007) There have been too many calls to this WhatsApp Business account.', code: 80007 }),
    expect: { rateLimited: true, hint: /WhatsApp Business Account hit its hourly/ },
  },
  {
    name: 'pair-rate-limit',
    status: 400,
    body: envelope({ message: '(#131056) (Business Account, Consumer Account) pair rate limit hit', code: 131056 }),
    expect: { rateLimited: true, hint: /pair rate limit/ },
  },
  {
    name: 'outside-window',
    status: 400,
    body: envelope({ message: '(#131047) Re-engagement message', code: 131047, error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }),
    expect: { kind: 'outside_window', outsideWindow: true, hint: /Outside the 24-hour customer service window: send an approved template/ },
  },
  {
    name: 'template-params',
    status: 400,
    body: envelope({ message: '(#132000) Number of parameters does not match the expected number of params', code: 132000 }),
    expect: { kind: 'template', templateError: true, hint: /parameter count/ },
  },
  {
    name: 'template-missing',
    status: 404,
    body: envelope({ message: '(#132001) Template name does not exist in the translation', code: 132001 }),
    expect: { templateError: true, hint: /does not exist in this language/ },
  },
  {
    name: 'permission',
    status: 403,
    body: envelope({ message: '(#200) Permissions error', code: 200, error_user_title: 'Permission Denied', error_user_msg: 'Your app doesn’t have permission' }),
    expect: { kind: 'permission', permission: true, userTitle: 'Permission Denied', userMessage: 'Your app doesn’t have permission', hint: /Permission denied/ },
  },
  {
    name: 'permission-10',
    status: 403,
    body: envelope({ message: '(#10) Application does not have permission for this action', code: 10 }),
    expect: { permission: true },
  },
  {
    name: 'not-on-whatsapp',
    status: 400,
    body: envelope({ message: '(#131026) Message Undeliverable.', code: 131026 }),
    expect: { kind: 'recipient', recipientNotOnWhatsApp: true, hint: /may not be on WhatsApp/ },
  },
  {
    name: 'transient',
    status: 500,
    body: envelope({ message: 'An unexpected error has occurred. Please retry your request later.', code: 2, is_transient: true }),
    expect: { kind: 'transient', transient: true, hint: /temporary service problem/ },
  },
  {
    name: 'bad-parameter',
    status: 400,
    body: envelope({ message: "(#100) Invalid parameter", code: 100, error_subcode: 33 }),
    expect: { kind: 'request', code: 'graph', hint: /rejected a parameter/ },
  },
  {
    name: 'proxy-html',
    status: 502,
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
    expect: {
      kind: 'unexpected_response',
      unexpectedResponse: true,
      graphCode: -1,
      transient: true,
      hint: /answered HTTP 502 without a Graph error/,
      message: /HTTP 502 with an HTML page \(“502 Bad Gateway”\)/,
    },
  },
  {
    name: 'empty-503',
    status: 503,
    body: '',
    expect: { unexpectedResponse: true, message: /HTTP 503 with an empty body/ },
  },
  {
    name: 'plain-text-400',
    status: 400,
    contentType: 'text/plain',
    body: 'Bad Request: header too large',
    expect: { unexpectedResponse: true, transient: false, message: /“Bad Request: header too large”/, hint: /something other than a Graph response/ },
  },
  {
    name: 'truncated-json',
    status: 500,
    contentType: 'application/json',
    body: '{"error":{"message":"An unexp',
    expect: { unexpectedResponse: true, message: /HTTP 500 with/ },
  },
  {
    name: 'json-not-envelope',
    status: 404,
    body: '{"detail":"not found"}',
    expect: { unexpectedResponse: true, message: /JSON that is not a Graph error/, hint: /check the Graph base URL and API version/ },
  },
  {
    name: 'non-json-200',
    status: 200,
    contentType: 'text/html',
    body: '<html><title>Captive portal</title></html>',
    expect: { unexpectedResponse: true, status: 200, message: /Captive portal/ },
  },
]

describe('Graph errors', () => {
  let stub: Stub
  let client: GraphClient

  beforeAll(async () => {
    stub = await startStub((request, res) => {
      const found = cases.find((c) => request.url.pathname.endsWith(`/case/${c.name}`))
      if (!found) throw new Error(`no case for ${request.url.pathname}`)
      res.writeHead(found.status, { 'content-type': found.contentType ?? 'application/json; charset=UTF-8' })
      res.end(found.body)
    })
    client = testClient(stub.baseUrl, { retry: false })
  })

  afterAll(async () => {
    await client.close()
    await stub.close()
  })

  it.each(cases)('$name: becomes one typed GraphError with its facts and hint', async (c) => {
    const error = await client.get(`case/${c.name}`, { token }).then(
      () => null,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(GraphError)
    expect(error).toBeInstanceOf(SwitchboardError)
    const graph = error as GraphError
    const { hint, message, ...facts } = c.expect
    expect(graph).toMatchObject({ status: c.status, ...facts })
    expect(graph.hint.length).toBeGreaterThan(20)
    if (hint) expect(graph.hint).toMatch(hint)
    // What to do is said once, as Graph's hint.
    expect(graph.fix).toBeUndefined()
    if (message) expect(graph.message).toMatch(message)
    expect(graph.toJSON().graph).toEqual({
      status: c.status,
      code: graph.graphCode,
      subcode: graph.subcode,
      type: graph.type,
      message: graph.graphMessage,
      fbtraceId: graph.fbtraceId,
      hint: graph.hint,
    })
  })

  it('carries the exchange of a failed call when asked', async () => {
    const error = (await client.post('case/outside-window', { token, json: { to: '1555' }, exchange: true }).catch((e: unknown) => e)) as GraphError
    expect(error.exchange).toMatchObject({ method: 'POST', status: 400, requestBody: '{"to":"1555"}', requestId: error.requestId })
    expect(error.exchange!.responseBody).toContain('131047')
  })
})
