/**
 * CacheService (reference/cache/cache): string values with a TTL on the fake
 * clock (default 600 s, at most 21600 s = 6 hours), keys up to 250
 * characters, values up to 100 KB; at most 1,000 items: past that "the cache
 * stores the 900 items farthest from expiration".
 */
import { FakeObject, instrument, type Env } from './runtime';

interface Entry {
  value: string;
  expires: number;
}

export class CacheStores {
  caches = new Map<string, Map<string, Entry>>();
  get(name: string): Map<string, Entry> {
    let m = this.caches.get(name);
    if (!m) this.caches.set(name, (m = new Map()));
    return m;
  }
}

const MAX_TTL = 21600;
const CAP = 1000;
const KEEP = 900;

export class FakeCache extends FakeObject {
  protected get _kind() {
    return 'Cache';
  }
  constructor(
    env: Env,
    private readonly m: Map<string, Entry>,
  ) {
    super(env);
  }
  private _key(key: unknown): string {
    const k = String(key);
    if (k.length > 250) throw this.env.exception('Argument too large: key');
    return k;
  }
  private _live(k: string): Entry | undefined {
    const e = this.m.get(k);
    if (e && e.expires <= this.env.clock.ms()) {
      this.m.delete(k);
      return undefined;
    }
    return e;
  }
  get(key: string): string | null {
    return this._live(this._key(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(this._key(k));
      if (e) out[k] = e.value;
    }
    return this.env.realm.toCtx(out);
  }
  put(key: string, value: unknown, expirationInSeconds = 600): void {
    const k = this._key(key);
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > 100 * 1024) throw this.env.exception('Argument too large: value');
    const ttl = Math.min(Math.max(1, Number(expirationInSeconds)), MAX_TTL);
    this.m.set(k, { value: v, expires: this.env.clock.ms() + ttl * 1000 });
    if (this.m.size > CAP) {
      const now = this.env.clock.ms();
      const live = [...this.m].filter(([, e]) => e.expires > now).sort((a, b) => b[1].expires - a[1].expires);
      this.m.clear();
      for (const [key, e] of live.slice(0, KEEP)) this.m.set(key, e);
    }
  }
  putAll(values: Record<string, unknown>, expirationInSeconds = 600): void {
    for (const k of Object.keys(values)) this.put(k, values[k], expirationInSeconds);
  }
  remove(key: string): void {
    this.m.delete(this._key(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.m.delete(this._key(k));
  }
}
instrument(FakeCache, 'CacheService', 'Cache', 'cache');

export class CacheServiceFake extends FakeObject {
  protected get _kind() {
    return 'CacheService';
  }
  constructor(
    env: Env,
    private readonly stores: CacheStores,
    private readonly documentId: () => string | null,
  ) {
    super(env);
  }
  getScriptCache(): FakeCache {
    return new FakeCache(this.env, this.stores.get('script'));
  }
  getUserCache(): FakeCache {
    return new FakeCache(this.env, this.stores.get(`user:${this.env.user}`));
  }
  getDocumentCache(): FakeCache | null {
    const id = this.documentId();
    return id === null ? null : new FakeCache(this.env, this.stores.get(`document:${id}`));
  }
}
instrument(CacheServiceFake, 'CacheService', '', 'cache');
