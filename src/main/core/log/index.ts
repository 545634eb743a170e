export { Redactor, mask } from './redact'
export { createLogger, silentLogger, type Logger, type LogLevel, type LoggerOptions } from './logger'
export { redactQueryValues, SECRET_QUERY_PARAMETERS } from './query-redaction'
