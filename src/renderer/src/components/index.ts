export { EmptyState } from './EmptyState'
export { ScreenHeader } from './ScreenHeader'
export { Field } from './Field'
export { ErrorMessage } from './ErrorMessage'
