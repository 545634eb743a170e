import type { AppError } from '@shared/contract'

/** An error as the core reported it: what happened, the Graph code when there is one, and the fix. */
export function ErrorMessage({ error }: { error: AppError }) {
  const graph = error.graph
  return (
    <div className="error-message" role="alert">
      <div>
        {graph ? (
          <strong className="error-message__code">
            Graph {graph.code}
            {graph.subcode ? `/${graph.subcode}` : ''}
          </strong>
        ) : null}{' '}
        {error.message}
      </div>
      {graph?.hint ? <div className="error-message__fix">{graph.hint}</div> : null}
      {error.fix ? <div className="error-message__fix">{error.fix}</div> : null}
      {graph?.fbtraceId ? <div className="error-message__trace">fbtrace_id {graph.fbtraceId}</div> : null}
    </div>
  )
}
