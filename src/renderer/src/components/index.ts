export { EmptyState } from './EmptyState'
export { ScreenHeader } from './ScreenHeader'
