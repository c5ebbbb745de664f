/**
 * Session: the active/effective user, the user's locale and the script's
 * time zone. An installable trigger runs as the user who created it, so both
 * users are that user there.
 */
import { createHash } from 'crypto';
import { FakeObject, instrument, type Env } from './runtime';

export class FakeUser extends FakeObject {
  protected get _kind() {
    return 'User';
  }
  constructor(
    env: Env,
    private readonly email: string,
  ) {
    super(env);
  }
  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email.split('@')[0];
  }
}
instrument(FakeUser, 'Session', 'User', 'free');

export class SessionService extends FakeObject {
  protected get _kind() {
    return 'Session';
  }
  getActiveUser(): FakeUser {
    return new FakeUser(this.env, this.env.user);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.env, this.env.user);
  }
  /** Allowed even in AuthMode.NONE, so onOpen can pick the menu language. */
  getActiveUserLocale(): string {
    return this.env.config.locale;
  }
  getScriptTimeZone(): string {
    return this.env.config.scriptTimeZone;
  }
  getTimeZone(): string {
    return this.env.config.scriptTimeZone;
  }
  /** Stable per user and script for 30 days; a hash here. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`retain-emulator:${this.env.user}`).digest('base64').replace(/=+$/, '');
  }
}
instrument(SessionService, 'Session', '', {
  default: 'user',
  getActiveUserLocale: 'free',
  getScriptTimeZone: 'free',
  getTimeZone: 'free',
});
