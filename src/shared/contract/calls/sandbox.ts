import { z } from 'zod'
import { customerId, noInput } from '../../schemas'
import { call } from '../define'

export const sandboxStatus = z.object({
  running: z.boolean(),
  /** The simulated Graph API's base URL (no version). */
  url: z.string().nullable(),
  appId: z.string().nullable(),
  wabaId: z.string().nullable(),
  phoneNumbers: z.array(z.object({ id: z.string(), display: z.string() })),
  customers: z.boolean(),
  /** The `sandbox` profile's id once it exists. */
  profileId: z.string().nullable(),
  /** Why the webhook could not be pointed at the listener, if it could not. */
  webhookProblem: z.string().nullable(),
  /** The simulated app's "Require App Secret" setting: calls without appsecret_proof fail with code 100. */
  requireAppSecret: z.boolean(),
  /** The simulated customers; username users have no phone until the business has it on record. */
  people: z.array(z.object({ name: z.string(), phone: z.string().nullable(), userId: z.string(), username: z.string().nullable() })),
})
export type SandboxStatus = z.infer<typeof sandboxStatus>

export const sandboxCalls = {
  'sandbox.status': call({ summary: 'Whether the built-in Cloud API simulator runs, and its app, WABA and numbers', input: noInput, result: sandboxStatus }),
  'sandbox.start': call({
    summary: 'Start the simulator, create or update the `sandbox` profile, make it active and point its webhooks here',
    input: z
      .strictObject({
        customers: z.boolean().optional(),
        /** Simulated delays pass this many times faster (demos and tests); never token lifetimes. */
        speed: z.number().min(0.01).max(1000).optional(),
        /** Meta's irregularities: out-of-order and duplicate statuses, messages never read. */
        quirks: z.boolean().optional(),
      })
      .optional(),
    result: sandboxStatus,
  }),
  'sandbox.stop': call({ summary: 'Stop the simulator', input: noInput, result: sandboxStatus }),
  'sandbox.setCustomers': call({
    summary: 'Turn the simulated customers (replies and new conversations) on or off',
    input: z.strictObject({ running: z.boolean() }),
    result: sandboxStatus,
  }),
  'sandbox.simulateInbound': call({
    summary: 'Have a simulated customer send one message now (of a given type, or a random one)',
    input: z
      .strictObject({
        type: z.string().max(32).optional(),
        /** A customer's phone number or BSUID; a new customer for an unknown number. */
        from: customerId.optional(),
        /** Without `from`: a customer who uses a username (true) or one who shares their number (false). */
        username: z.boolean().optional(),
      })
      .optional(),
    result: z.object({ wamid: z.string() }),
  }),
  'sandbox.setMarketingPreference': call({
    summary: 'Have a simulated customer stop or resume marketing messages (a user_preferences webhook)',
    input: z.strictObject({ from: customerId, value: z.enum(['stop', 'resume']) }),
    result: sandboxStatus,
  }),
  'sandbox.setRequireAppSecret': call({
    summary: 'Turn the simulated app\'s "Require App Secret" setting on or off',
    input: z.strictObject({ on: z.boolean() }),
    result: sandboxStatus,
  }),
}
