export { setAppCallback, subscribeAppToWaba } from './meta-calls'
