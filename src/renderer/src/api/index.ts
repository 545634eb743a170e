export { connect, type ApiConnection, type Shell } from './connect'
export { api, setApi } from './client'
export type { ConnectionState } from './ws-transport'
export { typeOfFile, uploadFile } from './upload'
