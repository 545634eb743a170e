import { Field } from '../../components'
import type { ContactForm, MessageForm } from './message-form'

interface ContactFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
}

const empty: ContactForm = { name: '', phone: '', email: '', organisation: '' }

const labels: Record<keyof ContactForm, string> = { name: 'Name', phone: 'Phone', email: 'Email', organisation: 'Company' }

/** One or more contact cards: a name and a phone number or email each (the customer can save them). */
export function ContactFields({ form, onChange }: ContactFieldsProps) {
  const set = (index: number, patch: Partial<ContactForm>) => onChange({ contacts: form.contacts.map((card, i) => (i === index ? { ...card, ...patch } : card)) })
  return (
    <>
      {form.contacts.map((card, index) => (
        <fieldset className="composer__group" key={index}>
          <legend>Contact {index + 1}</legend>
          {(Object.keys(labels) as (keyof ContactForm)[]).map((key) => (
            <Field key={key} label={labels[key]}>
              {(id, describedBy) => (
                <input
                  id={id}
                  className="input"
                  type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                  value={card[key]}
                  aria-describedby={describedBy}
                  onChange={(event) => set(index, { [key]: event.target.value })}
                />
              )}
            </Field>
          ))}
          {form.contacts.length > 1 ? (
            <button type="button" className="button button--ghost button--small" onClick={() => onChange({ contacts: form.contacts.filter((_, i) => i !== index) })}>
              Remove this contact
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange({ contacts: [...form.contacts, empty] })}>
        Add a contact
      </button>
    </>
  )
}
