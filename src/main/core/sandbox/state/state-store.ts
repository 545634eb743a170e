import type { StateFile } from './state-file'
import type { CustomerState, SandboxState } from './types'

const MESSAGE_HISTORY = 500

/**
 * The live state plus its persistence: every mutation calls `changed()`, and writes are coalesced
 * to one per turn of the event loop; `flush()` writes at once (used by `close()`).
 */
export class StateStore {
  private dirty = false
  private scheduled = false

  constructor(
    readonly state: SandboxState,
    private readonly file: StateFile,
    private readonly rngState: () => number,
  ) {}

  changed(): void {
    this.dirty = true
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }

  flush(): void {
    if (!this.dirty) return
    this.dirty = false
    this.state.rng = this.rngState()
    if (this.state.messages.length > MESSAGE_HISTORY) this.state.messages.splice(0, this.state.messages.length - MESSAGE_HISTORY)
    this.file.save(this.state)
  }

  phoneNumber(id: string) {
    return this.state.phoneNumbers.find((phone) => phone.id === id)
  }

  addCustomer(customer: CustomerState): CustomerState {
    this.state.customers.push(customer)
    this.changed()
    return customer
  }

  customerByPhone(waId: string) {
    return this.state.customers.find((customer) => customer.waId === waId)
  }

  customerByUserId(userId: string) {
    return this.state.customers.find((customer) => customer.userId === userId)
  }

  customerByKey(key: string | null) {
    return key === null ? undefined : this.state.customers.find((customer) => customer.key === key)
  }

  message(id: string) {
    return this.state.messages.find((message) => message.id === id)
  }
}
