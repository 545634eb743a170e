import { Field } from '../../components'
import { kindLabels, type MessageForm } from './message-form'

interface MediaFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
}

const linkHints: Record<string, string> = {
  image: 'A public link to a JPEG or PNG (at most 5 MB); Meta downloads it when sending.',
  video: 'A public link to an MP4 or 3GP (H.264 video, AAC audio; at most 16 MB).',
  audio: 'A public link to AAC, AMR, MP3, M4A or OGG (Opus) audio; OGG/Opus arrives as a voice message.',
  document: 'A public link to the file (PDF, Office documents, plain text; at most 100 MB).',
}

/** Image, video, audio or document by link, with caption and (documents) file name. */
export function MediaFields({ form, onChange, problems }: MediaFieldsProps) {
  const kind = form.kind
  return (
    <>
      <Field label={`${kindLabels[kind]} link`} error={problems.link} hint={linkHints[kind]}>
        {(id, describedBy) => (
          <input
            id={id}
            type="url"
            className="input input--mono"
            value={form.link}
            placeholder="https://"
            spellCheck={false}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ link: event.target.value })}
          />
        )}
      </Field>
      {kind !== 'audio' ? (
        <Field label="Caption" error={problems.caption}>
          {(id, describedBy) => (
            <textarea id={id} className="input" rows={2} value={form.caption} aria-describedby={describedBy} onChange={(event) => onChange({ caption: event.target.value })} />
          )}
        </Field>
      ) : null}
      {kind === 'document' ? (
        <Field label="File name" error={problems.filename} hint="What the customer sees, with its extension (e.g. invoice-42.pdf).">
          {(id, describedBy) => (
            <input id={id} className="input" value={form.filename} aria-describedby={describedBy} onChange={(event) => onChange({ filename: event.target.value })} />
          )}
        </Field>
      ) : null}
    </>
  )
}
