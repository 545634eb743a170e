import { useAppInfo } from '../../stores'

/** Meta profiles' Graph calls (with their tokens) go elsewhere than Meta: said plainly, never left unnoticed. */
export function GraphBaseUrlNotice() {
  const custom = useAppInfo((s) => s.info?.customGraphBaseUrl ?? null)
  if (!custom) return null
  return (
    <div className="banner banner--warning" role="status" data-testid="custom-graph-base-url">
      <strong>Graph API calls go to {custom}, not to Meta.</strong> Tokens and app-secret proofs of Meta profiles are sent
      there. It is set by <code>SWITCHBOARD_GRAPH_BASE_URL</code> where Switchboard was started; unset it to talk to
      graph.facebook.com.
    </div>
  )
}
