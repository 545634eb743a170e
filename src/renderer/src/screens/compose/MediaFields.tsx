import { useEffect, useRef, useState, type DragEvent } from 'react'
import { mediaFileProblem, mediaLimits } from '@shared/contract'
import { typeOfFile, uploadFile } from '../../api'
import { Field, formatBytes } from '../../components'
import { useMedia } from '../../stores'
import { isMediaKind, kindLabels, type MessageForm, type PickedFile } from './message-form'

interface MediaFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
}

const linkHints: Record<string, string> = {
  image: 'A public link to a JPEG or PNG (at most 5 MB); Meta downloads it when sending.',
  video: 'A public link to an MP4 or 3GP (H.264 video, AAC audio; at most 16 MB).',
  audio: 'A public link to AAC, AMR, MP3, M4A or OGG (Opus) audio.',
  document: 'A public link to the file (PDF, Office documents, plain text; at most 100 MB).',
  sticker: 'A public link to a WebP sticker (at most 100 KB, animated 500 KB).',
}

let uploads = 0

/**
 * A file to send: picked or dropped, checked against Meta's limits for the kind at once, uploaded
 * to Meta right away (with progress) and sent by its id; or, instead, a public link. Caption and
 * file name where the kind has them; audio can go as a voice message.
 */
export function MediaFields({ form, onChange, problems }: MediaFieldsProps) {
  const kind = form.kind
  const input = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const [byLink, setByLink] = useState(form.file === null && form.link !== '')
  // The upload's outcome joins the form it was picked in, even if the form was away meanwhile; a newer pick is not touched.
  const outcome = useMedia((s) => (form.file ? s.finished[form.file.uploadId] : undefined))
  useEffect(() => {
    if (outcome && form.file && !form.file.mediaId && !form.file.problem) onChange({ file: { ...form.file, ...outcome } })
  }, [outcome, form.file, onChange])
  if (!isMediaKind(kind)) return null
  const limits = mediaLimits[kind]

  const pick = async (file: File | undefined) => {
    if (!file) return
    const mimeType = typeOfFile(file)
    const picked: PickedFile = { uploadId: `upload-${Date.now()}-${++uploads}`, name: file.name, size: file.size, mimeType, mediaId: null, problem: mediaFileProblem(kind, mimeType, file.size) }
    onChange({ file: picked, link: '' })
    if (picked.problem) return
    const answer = await uploadFile(file, kind, picked.uploadId)
    useMedia.getState().finishUpload(picked.uploadId, answer.ok ? { mediaId: answer.value.mediaId } : { problem: [answer.error.message, answer.error.fix].filter(Boolean).join(' — ') })
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    void pick(event.dataTransfer.files[0])
  }

  return (
    <>
      {byLink ? (
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
      ) : (
        <Field label={`${kindLabels[kind]} file`} error={problems.file} hint={`${limits.types.join(', ')}; at most ${formatBytes(limits.maxBytes)}. It goes to Meta as soon as you pick it.`}>
          {(id, describedBy) => (
            <div
              className={`dropzone${dragging ? ' dropzone--active' : ''}`}
              onDragOver={(event) => {
                event.preventDefault()
                setDragging(true)
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <input
                ref={input}
                id={id}
                type="file"
                className="dropzone__input"
                accept={limits.types.join(',')}
                aria-describedby={describedBy}
                onChange={(event) => void pick(event.target.files?.[0])}
              />
              {form.file ? <PickedFileLine file={form.file} /> : <span className="muted">Drop a file here, or choose one.</span>}
            </div>
          )}
        </Field>
      )}
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => {
          setByLink(!byLink)
          onChange({ file: null, link: '' })
        }}
      >
        {byLink ? 'Upload a file instead' : 'Use a public link instead'}
      </button>
      {kind === 'audio' ? (
        <label className="composer__check">
          <input type="checkbox" checked={form.voice} onChange={(event) => onChange({ voice: event.target.checked })} /> Send as a voice message (OGG/Opus)
        </label>
      ) : null}
      {kind === 'image' || kind === 'video' || kind === 'document' ? (
        <Field label="Caption" error={problems.caption}>
          {(id, describedBy) => (
            <textarea id={id} className="input" rows={2} value={form.caption} aria-describedby={describedBy} onChange={(event) => onChange({ caption: event.target.value })} />
          )}
        </Field>
      ) : null}
      {kind === 'document' ? (
        <Field label="File name" error={problems.filename} hint="What the customer sees, with its extension (e.g. invoice-42.pdf); the picked file's name when empty.">
          {(id, describedBy) => (
            <input id={id} className="input" value={form.filename} aria-describedby={describedBy} onChange={(event) => onChange({ filename: event.target.value })} />
          )}
        </Field>
      ) : null}
    </>
  )
}

function PickedFileLine({ file }: { file: PickedFile }) {
  const progress = useMedia((s) => s.uploads[file.uploadId])
  return (
    <span className="dropzone__file" data-testid="picked-file">
      <span className="media__file">{file.name}</span> <span className="muted">{formatBytes(file.size)}</span>{' '}
      {file.problem ? null : file.mediaId ? (
        <span className="badge">Uploaded</span>
      ) : (
        <span className="media__progress" role="status">
          <progress value={progress?.sent ?? 0} max={progress?.total ?? file.size} aria-label="Upload progress" /> Uploading…
        </span>
      )}
    </span>
  )
}
