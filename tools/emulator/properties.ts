/**
 * PropertiesService: document (per spreadsheet, shared by all its users),
 * user (per user) and script stores. Values are strings (setProperty('n', 5)
 * stores '5'). Limits from the quotas page: 9 KB per value, 500 KB per store.
 * A store over 500 KB fails with "You have exceeded the property storage
 * quota. Please remove some properties and try again."; public reports show
 * the same message for one value over 9 KB, others "Argument too large: value"
 * (EmulatorOptions.propertyValueTooLarge picks, default the quota message).
 */
import { FakeObject, instrument, type Env } from './runtime';

/** 9 KB per property value (counted, as Google does, on key + value bytes). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** 500 KB per store. */
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

export class PropertyStores {
  document = new Map<string, Map<string, string>>();
  user = new Map<string, Map<string, string>>();
  script = new Map<string, string>();

  documentStore(id: string): Map<string, string> {
    let m = this.document.get(id);
    if (!m) this.document.set(id, (m = new Map()));
    return m;
  }
  userStore(email: string): Map<string, string> {
    let m = this.user.get(email);
    if (!m) this.user.set(email, (m = new Map()));
    return m;
  }
}

function storeSize(m: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of m) n += bytes(k) + bytes(v);
  return n;
}

export class FakeProperties extends FakeObject {
  protected get _kind() {
    return 'Properties';
  }
  constructor(
    env: Env,
    private readonly m: Map<string, string>,
  ) {
    super(env);
  }
  private _str(v: unknown): string {
    return String(v);
  }
  private _check(next: Map<string, string>, key: string, value: string): void {
    if (bytes(key) + bytes(value) > PROPERTY_VALUE_LIMIT) throw this._tooLarge();
    if (storeSize(next) > PROPERTY_STORE_LIMIT) throw this.env.exception(STORE_FULL);
  }
  private _tooLarge(): Error {
    return this.env.exception(
      this.env.config.propertyValueTooLarge === 'argument' ? 'Argument too large: value' : STORE_FULL,
    );
  }
  getProperty(key: string): string | null {
    return this.m.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): FakeProperties {
    if (key === null || key === undefined || key === '') throw this.env.exception('Invalid argument: key');
    const k = String(key);
    const v = this._str(value);
    const next = new Map(this.m);
    next.set(k, v);
    this._check(next, k, v);
    this.m.set(k, v);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): FakeProperties {
    if (properties === null || typeof properties !== 'object')
      throw this.env.exception(
        "The parameters (String) don't match the method signature for PropertiesService.Properties.setProperties.",
      );
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.m);
    for (const k of Object.keys(properties)) {
      const v = this._str(properties[k]);
      if (bytes(k) + bytes(v) > PROPERTY_VALUE_LIMIT) throw this._tooLarge();
      next.set(k, v);
    }
    if (storeSize(next) > PROPERTY_STORE_LIMIT) throw this.env.exception(STORE_FULL);
    this.m.clear();
    for (const [k, v] of next) this.m.set(k, v);
    return this;
  }
  getProperties(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.m) out[k] = v;
    return this.env.realm.toCtx(out);
  }
  getKeys(): string[] {
    return this.env.realm.array([...this.m.keys()]);
  }
  deleteProperty(key: string): FakeProperties {
    this.m.delete(String(key));
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this.m.clear();
    return this;
  }
}
instrument(FakeProperties, 'PropertiesService', 'Properties', {
  default: 'props.read',
  setProperty: 'props.write',
  setProperties: 'props.write',
  deleteProperty: 'props.write',
  deleteAllProperties: 'props.write',
});

export class PropertiesServiceFake extends FakeObject {
  protected get _kind() {
    return 'PropertiesService';
  }
  constructor(
    env: Env,
    private readonly stores: PropertyStores,
    private readonly documentId: () => string | null,
  ) {
    super(env);
  }
  getDocumentProperties(): FakeProperties | null {
    const id = this.documentId();
    return id === null ? null : new FakeProperties(this.env, this.stores.documentStore(id));
  }
  getUserProperties(): FakeProperties {
    return new FakeProperties(this.env, this.stores.userStore(this.env.user));
  }
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this.env, this.stores.script);
  }
}
instrument(PropertiesServiceFake, 'PropertiesService', '', 'props.read');
