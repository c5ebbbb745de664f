/**
 * LockService. Executions in the emulator run one after another, so "another
 * process holds the lock" is either a lock an earlier execution kept (Apps
 * Script releases every lock when its execution ends, so the emulator does
 * too) or a phantom holder set by a test with emu.locks.holdDocumentLock().
 * Waiting costs fake time: tryLock(ms) that fails advances the clock by ms.
 */
import { FakeObject, instrument, type Env } from './runtime';

const PHANTOM = -1;

export class LockTable {
  private holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }
  take(key: string, exec: number): void {
    this.holders.set(key, exec);
  }
  release(key: string, exec: number): void {
    if (this.holders.get(key) === exec) this.holders.delete(key);
  }
  /** Apps Script releases an execution's locks when it ends. */
  releaseExecution(exec: number): void {
    for (const [k, v] of this.holders) if (v === exec) this.holders.delete(k);
  }
  holdPhantom(key: string): void {
    this.holders.set(key, PHANTOM);
  }
  releasePhantom(key: string): void {
    if (this.holders.get(key) === PHANTOM) this.holders.delete(key);
  }
}

export class FakeLock extends FakeObject {
  protected get _kind() {
    return 'Lock';
  }
  private has = false;
  constructor(
    env: Env,
    private readonly table: LockTable,
    private readonly key: string,
  ) {
    super(env);
  }
  private _acquire(): boolean {
    const h = this.table.holder(this.key);
    const me = this.env.exec.id;
    if (h === undefined || h === me) {
      this.table.take(this.key, me);
      this.has = true;
      return true;
    }
    return false;
  }
  private _timeout(ms: unknown): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      throw this.env.exception(
        `The parameters (${typeof ms}) don't match the method signature for LockService.Lock.tryLock.`,
      );
    if (ms < 0) throw this.env.exception('Invalid argument: timeoutInMillis');
    return ms;
  }
  tryLock(timeoutInMillis: number): boolean {
    const ms = this._timeout(timeoutInMillis);
    if (this._acquire()) return true;
    this.env.clock.advance(ms);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    const ms = this._timeout(timeoutInMillis);
    if (this._acquire()) return;
    this.env.clock.advance(ms);
    throw this.env.exception('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.has) this.table.release(this.key, this.env.exec.id);
    this.has = false;
  }
  hasLock(): boolean {
    return this.has && this.table.holder(this.key) === this.env.exec.id;
  }
}
instrument(FakeLock, 'LockService', 'Lock', 'lock');

export class LockServiceFake extends FakeObject {
  protected get _kind() {
    return 'LockService';
  }
  constructor(
    env: Env,
    private readonly table: LockTable,
    private readonly documentId: () => string | null,
  ) {
    super(env);
  }
  /** Null when the script is not bound to a document; Retain's script is bound, so a trigger execution gets one too. */
  getDocumentLock(): FakeLock | null {
    const id = this.documentId();
    return id === null ? null : new FakeLock(this.env, this.table, `document:${id}`);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.env, this.table, 'script');
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.env, this.table, `user:${this.env.user}`);
  }
}
instrument(LockServiceFake, 'LockService', '', 'lock');
