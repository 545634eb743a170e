export { Webhooks } from './Webhooks'
