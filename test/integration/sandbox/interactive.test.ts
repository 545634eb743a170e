import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

const CUSTOMER = '15550104477'

const button = (id: string, title: string) => ({ type: 'reply', reply: { id, title } })
const buttons = (...items: ReturnType<typeof button>[]) => ({ type: 'button', body: { text: 'Pick one' }, action: { buttons: items } })
const rows = (count: number, prefix = 'r') => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, title: `Row ${index}` }))
const list = (sections: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'list', body: { text: 'Choose' }, action: { button: 'Options', sections }, ...extra })
const cta = (displayText: string, url = 'https://example.com/track') => ({ type: 'cta_url', body: { text: 'Track it' }, action: { name: 'cta_url', parameters: { display_text: displayText, url } } })

describe('interactive sends, validated as Meta validates them', () => {
  it('answers 131009 with Meta-style details for counts and lengths beyond the limits', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const send = (interactive: Record<string, unknown>) =>
      graph.post<GraphErrorResult>(`/${sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'interactive', interactive }, token)

    const cases: [Record<string, unknown>, string][] = [
      [buttons(button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')), 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3'],
      [{ type: 'button', body: { text: 'x' }, action: { buttons: [] } }, 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3'],
      [buttons(button('a', 'x'.repeat(21))), 'Button title length invalid. Min length: 1, Max length: 20'],
      [buttons(button('a', '')), 'Button title length invalid. Min length: 1, Max length: 20'],
      [buttons(button('a', 'Same'), button('b', 'Same')), 'Button titles must be unique'],
      [buttons(button('x'.repeat(257), 'A')), 'Button id length invalid. Min length: 1, Max length: 256'],
      [{ ...buttons(button('a', 'A')), body: { text: 'x'.repeat(1025) } }, 'Body text length invalid. Min length: 1, Max length: 1024'],
      [{ ...buttons(button('a', 'A')), footer: { text: 'x'.repeat(61) } }, 'Footer text length invalid. Min length: 1, Max length: 60'],
      [{ ...buttons(button('a', 'A')), header: { type: 'text', text: 'x'.repeat(61) } }, 'Header text length invalid. Min length: 1, Max length: 60'],
      [list([{ title: 'S', rows: rows(11) }]), 'Invalid rows count. Min allowed rows: 1, Max allowed rows: 10'],
      [list([{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }]), 'Invalid rows count. Min allowed rows: 1, Max allowed rows: 10'],
      [list(Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, rows: rows(1, `s${index}`) }))), 'Invalid sections count. Min allowed sections: 1, Max allowed sections: 10'],
      [list([{ title: 'x'.repeat(25), rows: rows(1) }]), 'Section title length invalid. Min length: 1, Max length: 24'],
      [list([{ rows: rows(1, 'a') }, { rows: rows(1, 'b') }]), 'Section title length invalid. Min length: 1, Max length: 24'],
      [list([{ title: 'S', rows: [{ id: 'a', title: 'x'.repeat(25) }] }]), 'Row title length invalid. Min length: 1, Max length: 24'],
      [list([{ title: 'S', rows: [{ id: 'a', title: 'A', description: 'x'.repeat(73) }] }]), 'Row description length invalid. Min length: 0, Max length: 72'],
      [list([{ title: 'S', rows: [{ id: 'x'.repeat(201), title: 'A' }] }]), 'Row id length invalid. Min length: 1, Max length: 200'],
      [list([{ title: 'S', rows: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] }]), 'Row ids must be unique'],
      [{ ...list([{ title: 'S', rows: rows(1) }]), action: { button: 'x'.repeat(21), sections: [{ title: 'S', rows: rows(1) }] } }, 'Button text length invalid. Min length: 1, Max length: 20'],
      [{ ...list([{ title: 'S', rows: rows(1) }]), body: { text: 'x'.repeat(4097) } }, 'Body text length invalid. Min length: 1, Max length: 4096'],
      [cta('x'.repeat(21)), 'Display text length invalid. Min length: 1, Max length: 20'],
      [{ ...cta('Track'), body: { text: 'x'.repeat(1025) } }, 'Body text length invalid. Min length: 1, Max length: 1024'],
    ]
    for (const [interactive, details] of cases) {
      const result = await send(interactive)
      expect(result.status, details).toBe(400)
      expect(result.body).toEqual({
        error: { message: '(#131009) Parameter value is not valid', type: 'OAuthException', code: 131009, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: expect.any(String) as unknown },
      })
    }

    // At the limits, everything goes through; an emoji counts as one character.
    const fine = [
      buttons(button('a', 'x'.repeat(19) + '👍'), button('b'.repeat(256), 'B'), button('c', 'C')),
      { ...list([{ title: 'x'.repeat(24), rows: rows(10) }]), body: { text: 'x'.repeat(4096) }, footer: { text: 'x'.repeat(60) }, header: { type: 'text', text: 'x'.repeat(60) } },
      list(Array.from({ length: 10 }, (_, index) => ({ title: `S${index}`, rows: [{ id: `r${index}`, title: 'x'.repeat(24), description: 'x'.repeat(72) }] }))),
      cta('x'.repeat(20)),
    ]
    for (const interactive of fine) expect((await send(interactive)).status, JSON.stringify(interactive).slice(0, 80)).toBe(200)

    const wrongName = await send({ ...cta('Go'), action: { name: 'url', parameters: { display_text: 'Go', url: 'https://example.com' } } })
    expect(wrongName.body.error).toMatchObject({ code: 100, message: `(#100) Param interactive['action']['name'] must be one of {CTA_URL} - got "url".` })
    const badUrl = await send(cta('Go', 'javascript:alert(1)'))
    expect(badUrl.body.error.code).toBe(100)
  })

  it('accepts contacts, stickers by id or link, and mark-as-read with a typing indicator', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const phone = sandbox.phoneNumbers[0]!.id
    const { wamid } = await sandbox.customers.send({ from: CUSTOMER })
    const post = (body: Record<string, unknown>) => graph.post<GraphErrorResult & { success?: boolean }>(`/${phone}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, ...body }, token)
    expect((await post({ type: 'contacts', contacts: [{ name: { formatted_name: 'Sam Lee', first_name: 'Sam' }, phones: [{ phone: '+15550109999', type: 'WORK' }] }] })).status).toBe(200)
    const nameless = await post({ type: 'contacts', contacts: [{ phones: [{ phone: '+15550109999' }] }] })
    expect(nameless.body.error.message).toBe("(#100) The parameter contacts[0]['name']['formatted_name'] is required")
    expect((await post({ type: 'sticker', sticker: { link: 'https://example.com/sticker.webp' } })).status).toBe(200)
    expect((await post({ type: 'sticker', sticker: { id: '1234567890123456' } })).status).toBe(200)
    const read = await graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } }, token)
    expect(read.status).toBe(200)
    expect(read.body).toEqual({ success: true })
  })

  it('has customers tap a reply button or pick a list row, replying to the operator’s message', async () => {
    const fixture = await testSandbox({ customers: true, seed: 11 })
    const { sandbox, graph, token } = fixture
    sandbox.customers.stop()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const phone = sandbox.phoneNumbers[0]!.id
    // Each customer who reads a message answers it now and then, not always: twenty make both kinds of answer certain.
    const customers = Array.from({ length: 20 }, (_, index) => `155501044${String(index + 10)}`)
    for (const from of customers) await sandbox.customers.send({ from })
    sandbox.customers.start()
    const offered = new Map<string, 'button' | 'list'>()
    for (const [index, to] of customers.entries()) {
      const interactive =
        index % 2 === 0
          ? buttons(button('yes', 'Yes'), button('no', 'No'))
          : list([{ title: 'Sizes', rows: [{ id: 'm', title: 'Medium', description: 'Fits most' }, { id: 'l', title: 'Large' }] }])
      const sent = await graph.post<{ messages: { id: string }[] }>(`/${phone}/messages`, { messaging_product: 'whatsapp', to, type: 'interactive', interactive }, token)
      offered.set(sent.body.messages[0]!.id, index % 2 === 0 ? 'button' : 'list')
    }
    for (let minute = 0; minute < 3; minute++) await advance(fixture, 60_000)
    sandbox.customers.stop()

    const replies = endpoint.messages().filter((message) => message.type === 'interactive' && offered.has((message.context as { id: string }).id))
    const kinds = new Set(replies.map((reply) => (reply.interactive as { type: string }).type))
    expect(kinds).toEqual(new Set(['button_reply', 'list_reply']))
    for (const reply of replies) {
      const interactive = reply.interactive as { type: string; button_reply?: unknown; list_reply?: unknown }
      const offer = offered.get((reply.context as { id: string }).id)
      if (offer === 'button') expect(interactive).toMatchObject({ type: 'button_reply', button_reply: { id: expect.stringMatching(/^(yes|no)$/) as unknown, title: expect.stringMatching(/^(Yes|No)$/) as unknown } })
      else expect(interactive).toMatchObject({ type: 'list_reply', list_reply: { id: expect.stringMatching(/^(m|l)$/) as unknown, title: expect.any(String) as unknown, description: expect.any(String) as unknown } })
    }
  })
})
