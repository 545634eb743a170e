import { createGraphClient, type GraphClient } from './client'
import type { GraphClientOptions } from './options'

export type SharedClientOptions = Omit<GraphClientOptions, 'baseUrl' | 'version'>

/**
 * One client (one keep-alive pool) per Graph root and version, shared by every caller in the
 * process: profiles on the same root reuse connections instead of opening their own.
 */
export class GraphClients {
  private readonly clients = new Map<string, GraphClient>()

  constructor(private readonly options: SharedClientOptions) {}

  for(baseUrl: string, version: string): GraphClient {
    const key = `${baseUrl}|${version}`
    let client = this.clients.get(key)
    if (!client) {
      client = createGraphClient({ ...this.options, baseUrl, version })
      this.clients.set(key, client)
    }
    return client
  }

  async closeAll(): Promise<void> {
    const clients = [...this.clients.values()]
    this.clients.clear()
    await Promise.allSettled(clients.map((client) => client.close()))
  }
}
