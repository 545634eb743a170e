export { ComposerService } from './service'
export { composerHandlers } from './handlers'
export { messageRequestBody, markReadBody } from './request-body'
