import { describe, expect, it, vi } from 'vitest'
import { buildApi, callNames, type Transport } from '@shared/contract'

describe('buildApi', () => {
  it('exposes one method per contract call, nested by namespace, forwarding name and input', async () => {
    const invoke = vi.fn<Transport['invoke']>(() => Promise.resolve({ ok: true, value: 'x' }))
    const api = buildApi({ invoke, subscribe: () => () => {} })
    for (const name of callNames) {
      const [ns, method] = name.split('.') as [string, string]
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[ns]?.[method]).toBe('function')
    }
    await api.app.info()
    expect(invoke).toHaveBeenCalledWith('app.info', undefined)
  })

  it('routes subscriptions to the transport and returns its unsubscribe', () => {
    const unsubscribe = vi.fn()
    const subscribe = vi.fn(() => unsubscribe)
    const api = buildApi({ invoke: () => Promise.resolve({ ok: true, value: null }), subscribe })
    const listener = () => {}
    api.subscribe(listener)()
    expect(subscribe).toHaveBeenCalledWith(listener)
    expect(unsubscribe).toHaveBeenCalled()
  })

  it('keeps call names to namespace.method so the nesting is unambiguous', () => {
    for (const name of callNames) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/)
    expect(callNames.some((name) => name.startsWith('subscribe.'))).toBe(false)
  })
})
