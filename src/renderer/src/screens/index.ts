import type { ComponentType } from 'react'
import type { Screen } from '../stores'
import { Compose } from './compose'
import { Inbox } from './inbox'
import { Overview } from './overview'
import { Settings } from './settings'
import { Webhooks } from './webhooks'

export const screenComponents: Record<Screen, ComponentType> = {
  overview: Overview,
  inbox: Inbox,
  compose: Compose,
  webhooks: Webhooks,
  settings: Settings,
}

export const screenLabels: Record<Screen, string> = {
  overview: 'Overview',
  inbox: 'Inbox',
  compose: 'Compose',
  webhooks: 'Webhooks',
  settings: 'Settings',
}
