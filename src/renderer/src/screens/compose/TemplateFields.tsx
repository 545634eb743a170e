import { useEffect } from 'react'
import type { TemplateView } from '@shared/contract'
import { ErrorMessage, Field } from '../../components'
import { useComposer } from '../../stores'
import { emptyTemplateValues, type MessageForm, type TemplateValues } from './message-form'
import { templateKey, type Placeholder, type TemplateForm } from './template-form'

interface TemplateFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
  selected: { view: TemplateView; form: TemplateForm } | null
}

const optionText = (t: TemplateView) => [t.name, t.language, t.status, t.category].filter(Boolean).join(' · ')

/** The template picker, then one input per placeholder of the chosen template: header, body, buttons. */
export function TemplateFields({ form, onChange, problems, selected }: TemplateFieldsProps) {
  const templates = useComposer((s) => s.templates)
  const loading = useComposer((s) => s.templatesLoading)
  const error = useComposer((s) => s.templatesError)
  const load = useComposer((s) => s.loadTemplates)

  useEffect(() => {
    void load()
  }, [load])

  const values = form.values
  const setValues = (patch: Partial<TemplateValues>) => onChange({ values: { ...values, ...patch } })

  const placeholderField = (section: 'header' | 'body', placeholder: Placeholder) => (
    <Field
      key={`${section}.${placeholder.key}`}
      label={`${section === 'header' ? 'Header' : 'Body'} {{${placeholder.key}}}`}
      error={problems[`${section}.${placeholder.key}`]}
      hint={placeholder.example ? `e.g. ${placeholder.example}` : undefined}
    >
      {(id, describedBy) => (
        <input
          id={id}
          className="input"
          value={values[section][placeholder.key] ?? ''}
          aria-describedby={describedBy}
          required
          onChange={(event) => setValues({ [section]: { ...values[section], [placeholder.key]: event.target.value } })}
        />
      )}
    </Field>
  )

  return (
    <>
      <Field label="Template" error={problems.template} hint={selected ? undefined : 'Approved templates can start a conversation, inside the 24-hour window or not.'}>
        {(id, describedBy) => (
          <div className="inline-form">
            <select
              id={id}
              className="input composer__select"
              value={form.template}
              aria-describedby={describedBy}
              onChange={(event) => onChange({ template: event.target.value, values: emptyTemplateValues })}
            >
              <option value="">{loading && !templates ? 'Loading templates…' : templates?.length === 0 ? 'This WABA has no templates' : 'Choose a template'}</option>
              {(templates ?? []).map((t) => (
                <option key={templateKey(t)} value={templateKey(t)} disabled={t.status !== 'APPROVED'}>
                  {optionText(t)}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small" disabled={loading} onClick={() => void load(true)}>
              {loading ? 'Loading…' : 'Reload'}
            </button>
          </div>
        )}
      </Field>
      {error ? <ErrorMessage error={error} /> : null}
      {selected ? (
        <>
          {selected.form.header.kind === 'text' ? selected.form.header.placeholders.map((p) => placeholderField('header', p)) : null}
          {selected.form.header.kind === 'media' ? (
            <Field label={`Header ${selected.form.header.format} link`} error={problems.headerLink} hint="A public https link; Meta downloads the file when sending.">
              {(id, describedBy) => (
                <input
                  id={id}
                  type="url"
                  className="input input--mono"
                  value={values.headerLink}
                  placeholder="https://"
                  aria-describedby={describedBy}
                  required
                  onChange={(event) => setValues({ headerLink: event.target.value })}
                />
              )}
            </Field>
          ) : null}
          {selected.form.body?.placeholders.map((p) => placeholderField('body', p))}
          {selected.form.buttons
            .filter((button) => button.input !== 'none')
            .map((button) => (
              <Field
                key={`button.${button.index}`}
                label={`Button “${button.text}”${button.subType === 'quick_reply' ? ' payload' : button.subType === 'copy_code' ? ' code' : ' {{1}}'}`}
                error={problems[`button.${button.index}`]}
                hint={
                  button.subType === 'quick_reply'
                    ? 'Optional: comes back with the customer’s tap.'
                    : button.url
                      ? `Completes ${button.url}`
                      : button.type === 'OTP'
                        ? 'The same code as in the body.'
                        : undefined
                }
              >
                {(id, describedBy) => (
                  <input
                    id={id}
                    className="input"
                    value={values.buttons[button.index] ?? ''}
                    aria-describedby={describedBy}
                    required={button.input === 'required'}
                    onChange={(event) => setValues({ buttons: { ...values.buttons, [button.index]: event.target.value } })}
                  />
                )}
              </Field>
            ))}
        </>
      ) : null}
    </>
  )
}
