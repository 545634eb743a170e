import type { ComponentType } from 'react'
import type { Screen } from '../stores'
import { Compose } from './Compose'
import { Inbox } from './Inbox'
import { Overview } from './Overview'
import { Settings } from './settings'
import { Webhooks } from './Webhooks'

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
