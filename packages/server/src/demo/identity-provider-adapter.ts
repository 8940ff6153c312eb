import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * Storage for the demo identity provider: plain maps in memory, with expiry. The demo provider
 * forgets its sessions and grants when it stops, which is all a demo needs (a real provider keeps
 * them in a database shared by its processes).
 */
export function memoryAdapter(): new (name: string) => Adapter {
  const stores = new Map<string, Map<string, { payload: AdapterPayload; expiresAt: number }>>();
  const live = (store: Map<string, { payload: AdapterPayload; expiresAt: number }>, id: string) => {
    const entry = store.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(id);
      return undefined;
    }
    return entry;
  };
  return class MemoryAdapter implements Adapter {
    readonly #store: Map<string, { payload: AdapterPayload; expiresAt: number }>;

    constructor(name: string) {
      let store = stores.get(name);
      if (!store) stores.set(name, (store = new Map()));
      this.#store = store;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      this.#store.set(id, { payload, expiresAt: Date.now() + expiresIn * 1000 });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.#store, id)?.payload;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      for (const [id, e] of this.#store)
        if (e.payload.userCode === userCode) return live(this.#store, id)?.payload;
      return undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      for (const [id, e] of this.#store) if (e.payload.uid === uid) return live(this.#store, id)?.payload;
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const entry = live(this.#store, id);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      this.#store.delete(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [id, e] of this.#store) if (e.payload.grantId === grantId) this.#store.delete(id);
    }
  };
}
