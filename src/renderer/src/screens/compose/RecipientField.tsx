import { useMemo } from 'react'
import { checkRecipient } from '@shared/recipient'
import { addressOf, customerLabel, Field } from '../../components'
import { useRecentContacts } from './use-recent'

function hint(value: string): string {
  const recipient = checkRecipient(value)
  if (!recipient.ok) return 'International format (+ country code, then the number, e.g. +1 415 555 0123), or a username customer’s BSUID (e.g. US.1349…).'
  if (recipient.kind === 'bsuid') return `Sends to the business-scoped user ID ${recipient.userId} (as \`recipient\`: the customer’s number stays private)`
  return `Sends to ${recipient.e164}${recipient.country ? ` (${recipient.country})` : ''} · WhatsApp ID ${recipient.waId}`
}

/** The recipient, a phone number or a BSUID, checked as it is typed, or one of the recent conversations. */
export function RecipientField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const contacts = useRecentContacts()
  const recipient = useMemo(() => checkRecipient(value), [value])
  const typed = value.trim() !== ''
  return (
    <>
      <Field label="To" error={typed && !recipient.ok ? recipient.reason : null} hint={hint(value)}>
        {(id, describedBy) => (
          <input
            id={id}
            type="text"
            inputMode="tel"
            className="input input--mono composer__to"
            value={value}
            autoComplete="off"
            spellCheck={false}
            placeholder="+15551234567 or US.1349…"
            aria-describedby={describedBy}
            aria-invalid={typed && !recipient.ok}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Field>
      {contacts.length ? (
        <Field label="Recent contacts">
          {(id) => (
            <select id={id} className="input composer__select" value="" onChange={(event) => event.target.value && onChange(event.target.value)}>
              <option value="">Pick a recent conversation…</option>
              {contacts.map((c) => {
                const { title, detail } = customerLabel(c)
                return (
                  <option key={c.key} value={addressOf(c)}>
                    {detail ? `${title} · ${detail}` : title}
                  </option>
                )
              })}
            </select>
          )}
        </Field>
      ) : null}
    </>
  )
}
