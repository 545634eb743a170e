/**
 * What a tunnel program is given of Switchboard's environment: where programs are (PATH), the home
 * and temp directories, Windows' system root, and the proxy settings it needs to reach its service.
 * Nothing else: Switchboard's own environment may hold tokens (`WHATSAPP_TOKEN`, `NGROK_AUTHTOKEN`
 * from a sourced .env) that are none of the child's business.
 */
const PASSED = new Set(['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TEMP', 'TMP', 'TMPDIR', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'])

/** Names are compared without case: Windows spells them `Path` and `SystemRoot`, proxies are often lower-case. */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const passed: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && PASSED.has(name.toUpperCase())) passed[name] = value
  }
  return passed
}
