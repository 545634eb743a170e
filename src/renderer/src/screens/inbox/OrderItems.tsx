import type { MessageContent } from '@shared/contract'

/** An order from the catalogue: its note and each product with quantity and price. */
export function OrderItems({ order }: { order: Extract<MessageContent, { kind: 'order' }> }) {
  const { items } = order
  const currency = items[0]?.currency ?? null
  const total = items.reduce((sum, item) => sum + (item.itemPrice ?? 0) * (item.quantity ?? 1), 0)
  return (
    <div className="order">
      <div>
        <strong>Order</strong> of {items.length} product{items.length === 1 ? '' : 's'}
        {order.catalogId ? <span className="muted"> · catalogue {order.catalogId}</span> : null}
      </div>
      {order.text ? <p className="msg__text">{order.text}</p> : null}
      <table className="table order__items">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Qty</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={index}>
              <td>
                <code>{item.productRetailerId}</code>
              </td>
              <td>{item.quantity ?? '?'}</td>
              <td>
                {item.itemPrice ?? '?'} {item.currency ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
        {items.length > 1 && currency ? (
          <tfoot>
            <tr>
              <td>Total</td>
              <td />
              <td>
                {Math.round(total * 100) / 100} {currency}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  )
}
