export { MediaService, type MediaFile, type MediaServiceDeps, type MediaUpload } from './service'
export { mediaHandlers } from './handlers'
export { digestHex } from './digest'
export { MEDIA_ROUTE } from './tickets'
