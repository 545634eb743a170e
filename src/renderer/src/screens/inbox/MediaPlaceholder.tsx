import { obj, str, type Json } from './payload-fields'
import { typeLabel } from './type-labels'

function kind(type: string, media: Json): string {
  if (type === 'audio' && media.voice === true) return 'Voice message'
  if (type === 'sticker' && media.animated === true) return 'Animated sticker'
  return typeLabel(type)
}

/** Media is not downloaded: a labelled placeholder with what identifies it (id or link, file name, type). */
export function MediaPlaceholder({ type, payload }: { type: string; payload: Json }) {
  const media = obj(payload[type]) ?? {}
  const id = str(media.id)
  const link = str(media.link) ?? str(media.url)
  const filename = str(media.filename)
  const caption = str(media.caption)
  const mime = str(media.mime_type)
  return (
    <div className="media">
      <div className="media__box">
        <span className="media__kind">{kind(type, media)}</span>
        {filename ? <span className="media__file">{filename}</span> : null}
        {mime ? <span className="muted">{mime}</span> : null}
      </div>
      {id ? (
        <div className="media__meta">
          media id <code>{id}</code>
        </div>
      ) : null}
      {link ? (
        <div className="media__meta">
          link <code>{link}</code>
        </div>
      ) : null}
      {caption ? <p className="msg__text">{caption}</p> : null}
    </div>
  )
}
