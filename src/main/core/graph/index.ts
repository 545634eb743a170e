export { createGraphClient, type GraphClient } from './client'
export type { CallOptions, DeleteOptions, GetOptions, GraphResponse, PostOptions } from './call-options'
export type { MultipartUpload } from './multipart'
export { DEFAULT_GRAPH_VERSION, validateVersion, type AppSecretProofOption, type GraphClientOptions, type RetryOptions } from './options'
export {
  GraphError,
  GraphNetworkError,
  GraphOutcomeUnknownError,
  type NetworkFailure,
  type RequestIdentity,
  type UnknownOutcomeReason,
} from './errors'
export { describeGraphError, tokenSubcodes, type GraphErrorFacts, type GraphErrorKind } from './error-facts'
export { appSecretProof } from './appsecret-proof'
export { refusalOf, type Refusal } from './refusal'
export { REQUEST_ID_HEADER } from './transport'
export type { GraphExchange, GraphMethod } from './exchange'
export type { Query, QueryValue } from './graph-url'
export { GraphClients, type SharedClientOptions } from './clients'
