export { mediaReply, downloadName, type MediaReply } from './media-reply'
export { mediaResponse, writeMediaReply } from './send-media'
export { isMediaPath, ticketOfMediaPath } from './media-path'
export { createMediaOpener } from './media-opener'
