import type { TemplateView } from '@shared/contract'
import type { TemplateValues } from './message-form'
import type { TemplateForm } from './template-form'
import { fillTemplateText } from './template-text'

function Filled({ text, values }: { text: string; values: Record<string, string> }) {
  return (
    <>
      {fillTemplateText(text, values).map((part, index) =>
        'text' in part ? (
          <span key={index}>{part.text}</span>
        ) : part.value === null ? (
          <mark key={index} className="preview__missing" title="Not filled in yet">{`{{${part.key}}}`}</mark>
        ) : (
          <span key={index} className="preview__value">
            {part.value}
          </span>
        ),
      )}
    </>
  )
}

/** The chosen template as the customer will see it, filled in as the operator types. */
export function TemplatePreview({ view, form, values }: { view: TemplateView; form: TemplateForm; values: TemplateValues }) {
  const header = form.header
  return (
    <figure className="preview" aria-label="Template preview">
      <figcaption className="preview__caption">
        Preview · <code>{view.name}</code> ({view.language}){view.category ? ` · ${view.category}` : ''}
      </figcaption>
      <div className="preview__bubble">
        {header.kind === 'text' ? (
          <div className="preview__header">
            <Filled text={header.text} values={values.header} />
          </div>
        ) : header.kind === 'media' ? (
          <div className="preview__media">
            <span className="preview__media-kind">{header.format}</span> <code>{values.headerLink.trim() || 'link not set'}</code>
          </div>
        ) : header.kind === 'unsupported' ? (
          <div className="preview__media">{header.format} header</div>
        ) : null}
        {form.body ? (
          <p className="preview__body">
            <Filled text={form.body.text} values={values.body} />
          </p>
        ) : null}
        {form.footer ? <div className="preview__footer">{form.footer}</div> : null}
      </div>
      {form.buttons.length ? (
        <ul className="preview__buttons" aria-label="Template buttons">
          {form.buttons.map((button) => (
            <li key={button.index}>
              {button.text || button.type}
              {button.url ? (
                <span className="muted preview__url">
                  {' '}
                  → <Filled text={button.url} values={{ '1': values.buttons[button.index] ?? '' }} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  )
}
