import type { MessageContent } from '@shared/contract'
import { typeLabel } from './type-labels'

type Media = Extract<MessageContent, { kind: 'media' }>

/** What the file is, in words: a voice message, an animated sticker, or the type's label. */
export function mediaLabel(media: Media): string {
  if (media.media === 'audio' && media.voice) return 'Voice message'
  if (media.media === 'sticker' && media.animated) return 'Animated sticker'
  return typeLabel(media.media)
}

/** Media is not downloaded: a labelled placeholder with what identifies it (id or link, file name, type). */
export function MediaPlaceholder({ media }: { media: Media }) {
  return (
    <div className="media">
      <div className="media__box">
        <span className="media__kind">{mediaLabel(media)}</span>
        {media.filename ? <span className="media__file">{media.filename}</span> : null}
        {media.mimeType ? <span className="muted">{media.mimeType}</span> : null}
      </div>
      {media.id ? <MediaIdLine id={media.id} /> : null}
      {media.link ? (
        <div className="media__meta">
          link <code>{media.link}</code>
        </div>
      ) : null}
      {media.caption ? <p className="msg__text">{media.caption}</p> : null}
    </div>
  )
}

/** Meta's id of a medium, to look it up (`switchboard media download ID`). */
export function MediaIdLine({ id }: { id: string }) {
  return (
    <div className="media__meta">
      media id <code>{id}</code>
    </div>
  )
}
