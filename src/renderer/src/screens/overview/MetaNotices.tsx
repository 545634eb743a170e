import { useEffect } from 'react'
import { ErrorMessage, RelativeTime } from '../../components'
import { useMetaNotices } from '../../stores'

const fieldLabels: Record<string, string> = {
  message_template_status_update: 'Template status',
  message_template_quality_update: 'Template quality',
  template_category_update: 'Template category',
  message_template_components_update: 'Template content',
  phone_number_quality_update: 'Number quality',
  phone_number_name_update: 'Display name',
  account_update: 'Account',
  account_review_update: 'Account review',
  account_alerts: 'Account alert',
  business_capability_update: 'Messaging limits',
  security: 'Security',
}

/** Template, number and account updates from Meta's webhooks, newest first; warnings stand out. */
export function MetaNotices() {
  const items = useMetaNotices((s) => s.items)
  const error = useMetaNotices((s) => s.error)
  useEffect(() => {
    void useMetaNotices.getState().load()
  }, [])
  return (
    <section className="meta-notices" aria-label="Notices from Meta">
      <h2>Notices from Meta</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {items.length === 0 ? (
        <p className="muted">
          None yet. Template approvals and rejections, quality changes of your number and templates, and account restrictions arrive as webhooks (subscribe the
          app to those fields) and show here.
        </p>
      ) : (
        <ul className="notices">
          {items.map((notice) => (
            <li key={notice.id} data-level={notice.level}>
              <span className={`badge badge--${notice.level === 'warning' ? 'warn' : 'ok'}`}>{fieldLabels[notice.field] ?? notice.field}</span> {notice.summary ?? notice.field}{' '}
              <RelativeTime at={notice.receivedAt} className="muted" />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
