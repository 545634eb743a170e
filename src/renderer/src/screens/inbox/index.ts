export { Inbox } from './Inbox'
