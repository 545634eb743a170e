export { ProfileService, type ProfileServiceDeps } from './service'
export { profileHandlers } from './handlers'
export { profileView } from './view'
