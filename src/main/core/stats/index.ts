export { statsHandlers, bucketFor } from './handlers'
