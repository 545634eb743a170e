import { arr, obj, str, type Json } from './json-shape'

/**
 * One line for each webhook field that is not a message: what Meta said, in the order an operator
 * reads it. Unknown fields show their `event`, if any.
 */
export function eventSummary(field: string, value: Json): string | null {
  const template = () => [str(value.message_template_name), str(value.message_template_language)]
  const parts: (string | undefined)[] = (() => {
    switch (field) {
      case 'message_template_status_update':
        return [...template(), str(value.event), reason(value.reason), str(obj(value.rejection_info)?.reason)]
      case 'message_template_quality_update':
        return [...template(), `quality ${str(value.previous_quality_score) ?? '?'} → ${str(value.new_quality_score) ?? '?'}`]
      case 'template_category_update':
        return [...template(), `category ${str(value.previous_category) ? `${str(value.previous_category)} → ` : ''}${str(value.new_category) ?? '?'}`]
      case 'message_template_components_update':
        return [...template(), 'components changed', str(value.message_template_element)]
      case 'phone_number_quality_update':
        return [str(value.display_phone_number), str(value.event), str(value.current_limit)]
      case 'phone_number_name_update':
        return [str(value.display_phone_number), `display name ${str(value.requested_verified_name) ?? ''}`.trim(), str(value.decision), reason(value.rejection_reason)]
      case 'account_update':
        return [
          str(value.event),
          str(value.phone_number),
          str(obj(value.ban_info)?.waba_ban_state),
          str(obj(value.violation_info)?.violation_type),
          ...arr(value.restriction_info).map((item) => str(obj(item)?.restriction_type)),
        ]
      case 'account_review_update':
        return ['account review', str(value.decision)]
      case 'user_preferences':
        return arr(value.user_preferences).map((item) => {
          const preference = obj(item)
          return `${str(preference?.category) ?? 'marketing_messages'}: ${str(preference?.value) ?? '?'} (${str(preference?.wa_id) ?? str(preference?.user_id) ?? 'unknown customer'})`
        })
      default:
        return [str(value.event)]
    }
  })()
  return parts.filter((part): part is string => Boolean(part)).join(' · ') || null
}

const reason = (value: unknown): string | undefined => {
  const text = str(value)
  return text && text !== 'NONE' ? text : undefined
}

/** Fields about the account, its numbers and its templates: shown as notices on the Overview. */
export const NOTICE_FIELDS = [
  'message_template_status_update',
  'message_template_quality_update',
  'template_category_update',
  'message_template_components_update',
  'phone_number_quality_update',
  'phone_number_name_update',
  'account_update',
  'account_review_update',
  'account_alerts',
  'business_capability_update',
  'security',
] as const

/** Values of `event`, `decision`, quality and ban state that ask the operator for attention. */
const WARNINGS = new Set([
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'FLAGGED',
  'PENDING_DELETION',
  'DOWNGRADE',
  'RED',
  'YELLOW',
  'ACCOUNT_RESTRICTION',
  'ACCOUNT_VIOLATION',
  'ACCOUNT_DELETED',
  'ACCOUNT_OFFBOARDED',
  'DISABLED_UPDATE',
  'SCHEDULE_FOR_DISABLE',
  'PARTNER_REMOVED',
  'PARTNER_APP_UNINSTALLED',
])

/** Whether a notice asks for attention (a rejection, a pause, a downgrade, a restriction) or only informs. */
export function noticeLevel(field: string, value: Json): 'warning' | 'info' {
  if (field === 'template_category_update') return 'warning'
  const banState = str(obj(value.ban_info)?.waba_ban_state)
  if (banState === 'REINSTATE') return 'info'
  const said = [str(value.event), str(value.decision), str(value.new_quality_score), banState]
  return said.some((word) => word !== undefined && WARNINGS.has(word.toUpperCase())) ? 'warning' : 'info'
}
