import { useMemo } from 'react'
import { checkRecipient } from '@shared/phone'
import { Field } from '../../components'
import { useRecentContacts } from './use-recent'

/** The recipient in international format, checked as it is typed, or one of the recent conversations. */
export function RecipientField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const contacts = useRecentContacts()
  const phone = useMemo(() => checkRecipient(value), [value])
  const typed = value.trim() !== ''
  return (
    <>
      <Field
        label="To"
        error={typed && !phone.ok ? phone.reason : null}
        hint={phone.ok ? `Sends to ${phone.e164}${phone.country ? ` (${phone.country})` : ''} · WhatsApp ID ${phone.waId}` : 'International format: + country code, then the number (e.g. +1 415 555 0123).'}
      >
        {(id, describedBy) => (
          <input
            id={id}
            type="tel"
            className="input input--mono composer__to"
            value={value}
            autoComplete="off"
            spellCheck={false}
            placeholder="+15551234567"
            aria-describedby={describedBy}
            aria-invalid={typed && !phone.ok}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Field>
      {contacts.length ? (
        <Field label="Recent contacts">
          {(id) => (
            <select id={id} className="input composer__select" value="" onChange={(event) => event.target.value && onChange(event.target.value)}>
              <option value="">Pick a recent conversation…</option>
              {contacts.map((c) => (
                <option key={c.waId} value={`+${c.waId}`}>
                  {c.name ? `${c.name} · +${c.waId}` : `+${c.waId}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  )
}
