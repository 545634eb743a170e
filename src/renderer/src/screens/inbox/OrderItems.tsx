import { arr, num, obj, str, type Json } from './payload-fields'

/** An order from the catalogue: its note and each product with quantity and price. */
export function OrderItems({ order }: { order: Json }) {
  const items = arr(order.product_items).map((item) => obj(item) ?? {})
  const currency = str(items[0]?.currency)
  const total = items.reduce((sum, item) => sum + (num(item.item_price) ?? 0) * (num(item.quantity) ?? 1), 0)
  return (
    <div className="order">
      <div>
        <strong>Order</strong> of {items.length} product{items.length === 1 ? '' : 's'}
        {str(order.catalog_id) ? <span className="muted"> · catalogue {str(order.catalog_id)}</span> : null}
      </div>
      {str(order.text) ? <p className="msg__text">{str(order.text)}</p> : null}
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
                <code>{str(item.product_retailer_id) ?? '?'}</code>
              </td>
              <td>{num(item.quantity) ?? '?'}</td>
              <td>
                {num(item.item_price) ?? '?'} {str(item.currency) ?? ''}
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
