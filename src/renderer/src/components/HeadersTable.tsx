/** HTTP headers as a two-column table (the request inspector and the raw Graph exchange). */
export function HeadersTable({ headers, label, className }: { headers: Record<string, string> | [string, string][]; label: string; className?: string }) {
  const entries = Array.isArray(headers) ? headers : Object.entries(headers)
  if (entries.length === 0) return null
  return (
    <table className={`table${className ? ` ${className}` : ''}`} aria-label={label}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
