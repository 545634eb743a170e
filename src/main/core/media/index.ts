export { MediaService, type MediaFile, type MediaServiceDeps } from './service'
export { mediaHandlers } from './handlers'
export { digestHex } from './digest'
export { MEDIA_ROUTE } from './tickets'
