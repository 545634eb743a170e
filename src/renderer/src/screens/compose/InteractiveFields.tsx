import { Field } from '../../components'
import type { ButtonForm, MessageForm, RowForm, SectionForm } from './message-form'

interface InteractiveFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
}

const MAX_BUTTONS = 3
const MAX_ROWS = 10
const MAX_SECTIONS = 10

const nextId = (prefix: string, taken: readonly { id: string }[]) => {
  for (let n = taken.length + 1; ; n++) if (!taken.some((item) => item.id === `${prefix}${n}`)) return `${prefix}${n}`
}

/** One text input in a Field: the interactive forms have many. */
function TextInput({ label, value, error, hint, onChange }: { label: string; value: string; error?: string | undefined; hint?: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {(id, describedBy) => <input id={id} className="input" value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  )
}

/**
 * Reply buttons (up to 3), a list (sections of rows, 10 rows in all) or a link button, with the
 * header, body and footer they share. Each limit is Meta's; the customer's tap or pick comes
 * back as an interactive reply in the thread.
 */
export function InteractiveFields({ form, onChange, problems }: InteractiveFieldsProps) {
  const rowCount = form.sections.reduce((sum, section) => sum + section.rows.length, 0)
  const setSection = (index: number, patch: Partial<SectionForm>) => onChange({ sections: form.sections.map((section, s) => (s === index ? { ...section, ...patch } : section)) })
  const setRow = (section: number, index: number, patch: Partial<RowForm>) =>
    setSection(section, { rows: form.sections[section]!.rows.map((row, r) => (r === index ? { ...row, ...patch } : row)) })
  const setButton = (index: number, patch: Partial<ButtonForm>) => onChange({ buttons: form.buttons.map((button, b) => (b === index ? { ...button, ...patch } : button)) })

  return (
    <>
      <TextInput label="Header (optional)" value={form.header} error={problems.header} hint="Plain text, at most 60 characters." onChange={(header) => onChange({ header })} />
      <Field label="Message" error={problems.body}>
        {(id, describedBy) => <textarea id={id} className="input" rows={3} value={form.body} aria-describedby={describedBy} onChange={(event) => onChange({ body: event.target.value })} />}
      </Field>
      <TextInput label="Footer (optional)" value={form.footer} error={problems.footer} onChange={(footer) => onChange({ footer })} />

      {form.kind === 'buttons' ? (
        <fieldset className="composer__group">
          <legend>Buttons</legend>
          {form.buttons.map((button, index) => (
            <div className="composer__row" key={button.id}>
              <TextInput label={`Button ${index + 1}`} value={button.title} error={problems[`buttons.${index}`]} onChange={(title) => setButton(index, { title })} />
              {form.buttons.length > 1 ? (
                <button type="button" className="button button--ghost button--small" onClick={() => onChange({ buttons: form.buttons.filter((_, b) => b !== index) })}>
                  Remove
                </button>
              ) : null}
            </div>
          ))}
          {problems.buttons ? <div className="field__note">{problems.buttons}</div> : null}
          {form.buttons.length < MAX_BUTTONS ? (
            <button type="button" className="button button--small" onClick={() => onChange({ buttons: [...form.buttons, { id: nextId('b', form.buttons), title: '' }] })}>
              Add a button
            </button>
          ) : null}
        </fieldset>
      ) : null}

      {form.kind === 'list' ? (
        <>
          <TextInput label="List button" value={form.listButton} error={problems.listButton} hint="Opens the list, e.g. “Choose a slot” (at most 20 characters)." onChange={(listButton) => onChange({ listButton })} />
          {form.sections.map((section, s) => (
            <fieldset className="composer__group" key={s}>
              <legend>Section {s + 1}</legend>
              <TextInput label="Section title" value={section.title} error={problems[`sections.${s}.title`]} onChange={(title) => setSection(s, { title })} />
              {section.rows.map((row, r) => (
                <div className="composer__row" key={row.id}>
                  <TextInput label={`Row ${r + 1}`} value={row.title} error={problems[`sections.${s}.rows.${r}.title`]} onChange={(title) => setRow(s, r, { title })} />
                  <TextInput label="Description" value={row.description} error={problems[`sections.${s}.rows.${r}.description`]} onChange={(description) => setRow(s, r, { description })} />
                  {section.rows.length > 1 ? (
                    <button type="button" className="button button--ghost button--small" onClick={() => setSection(s, { rows: section.rows.filter((_, i) => i !== r) })}>
                      Remove
                    </button>
                  ) : null}
                </div>
              ))}
              {rowCount < MAX_ROWS ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setSection(s, { rows: [...section.rows, { id: nextId('r', form.sections.flatMap((x) => x.rows)), title: '', description: '' }] })}
                >
                  Add a row
                </button>
              ) : null}
            </fieldset>
          ))}
          {problems.sections ? <div className="field__note">{problems.sections}</div> : null}
          {form.sections.length < MAX_SECTIONS && rowCount < MAX_ROWS ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => onChange({ sections: [...form.sections, { title: '', rows: [{ id: nextId('r', form.sections.flatMap((x) => x.rows)), title: '', description: '' }] }] })}
            >
              Add a section
            </button>
          ) : null}
        </>
      ) : null}

      {form.kind === 'cta_url' ? (
        <>
          <TextInput label="Button text" value={form.ctaText} error={problems.ctaText} hint="At most 20 characters." onChange={(ctaText) => onChange({ ctaText })} />
          <TextInput label="Link" value={form.ctaUrl} error={problems.ctaUrl} hint="The https page the button opens." onChange={(ctaUrl) => onChange({ ctaUrl })} />
        </>
      ) : null}
    </>
  )
}
