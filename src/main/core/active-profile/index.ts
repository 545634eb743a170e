export { ActiveProfile, type ActiveSnapshot } from './active-profile'
