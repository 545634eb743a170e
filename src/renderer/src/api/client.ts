import type { SwitchboardApi } from '@shared/contract'

let current: SwitchboardApi | undefined

/** Set once at start-up by `main.tsx`; stores reach the core only through `api()`. */
export function setApi(api: SwitchboardApi): void {
  current = api
}

export function api(): SwitchboardApi {
  if (!current) throw new Error('The Switchboard API is used before start-up connected it')
  return current
}
