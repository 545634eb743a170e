import type { Handlers } from '../dispatch'
import type { MediaService } from './service'

type MediaCalls = 'media.get' | 'media.list' | 'media.download' | 'media.settings' | 'media.setSettings'

export function mediaHandlers(media: MediaService): Pick<Handlers, MediaCalls> {
  return {
    'media.get': ({ mediaId }) => media.get(mediaId),
    'media.list': ({ mediaIds }) => media.list(mediaIds),
    'media.download': ({ mediaId }) => media.download(mediaId),
    'media.settings': () => media.settings(),
    'media.setSettings': (limits) => media.setSettings(limits),
  }
}
