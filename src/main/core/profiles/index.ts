export { ProfileService, type ProfileServiceOptions } from './service'
export { profileHandlers } from './handlers'
export { profileView } from './view'
