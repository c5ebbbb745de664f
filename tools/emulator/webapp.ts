/**
 * The script deployed as a web app (guides/web; manifest webapp block,
 * manifest/web-app-api-executable): a GET runs doGet(e) with the request's
 * event object and serves the HtmlOutput it returns. With access MYSELF only
 * the deploying user gets in; anyone else never reaches the script. With
 * executeAs USER_ACCESSING the execution runs as the visitor (so for MYSELF:
 * as the owner), with USER_DEPLOYING as the owner.
 */

export type WebAppAccess = 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
export type WebAppExecuteAs = 'USER_ACCESSING' | 'USER_DEPLOYING';

export interface WebAppConfig {
  /** Deployed as a web app (Deploy > New deployment > Web app)? Until then getUrl() is null. */
  deployed: boolean;
  deploymentId: string;
  access: WebAppAccess;
  executeAs: WebAppExecuteAs;
  /** The deploying user. */
  owner: string;
}

export interface WebAppOptions {
  deployed?: boolean;
  deploymentId?: string;
  /** Default: the manifest's webapp.access, else MYSELF. */
  access?: WebAppAccess;
  /** Default: the manifest's webapp.executeAs, else USER_DEPLOYING. */
  executeAs?: WebAppExecuteAs;
  owner?: string;
}

export function webAppConfig(
  o: WebAppOptions | undefined,
  manifest: { webapp?: { access?: string; executeAs?: string } } | undefined,
  defaultUser: string,
): WebAppConfig {
  return {
    deployed: o?.deployed ?? false,
    deploymentId: o?.deploymentId ?? 'AKfycbEmulatorDeployment0000000000000000000000',
    access: o?.access ?? (manifest?.webapp?.access as WebAppAccess | undefined) ?? 'MYSELF',
    executeAs: o?.executeAs ?? (manifest?.webapp?.executeAs as WebAppExecuteAs | undefined) ?? 'USER_DEPLOYING',
    owner: o?.owner ?? defaultUser,
  };
}

export interface WebRequest {
  /** The visitor (default: the owner); null for someone not signed in. */
  user?: string | null;
  /** The path after /exec, e.g. 'log' for .../exec/log. */
  path?: string;
  /** 'name=alice&n=1&n=2', or an object of values (arrays for repeated names). */
  query?: string | Record<string, string | number | Array<string | number>>;
}

export interface WebResponse {
  /** 200 served by doGet; 403 the visitor may not open it (the script did not run); 500 doGet failed. */
  status: 200 | 403 | 500;
  title: string;
  content: string;
  xFrameOptionsMode: string;
  metaTags: Array<{ name: string; content: string }>;
  /** The user the execution ran as (undefined when it did not run). */
  ranAs?: string;
  /** The error shown when doGet threw or returned something else than an HtmlOutput. */
  error?: string;
}

/** May this visitor open the web app? (the manifest's access levels) */
export function mayOpen(w: WebAppConfig, user: string | null): boolean {
  switch (w.access) {
    case 'ANYONE_ANONYMOUS':
      return true;
    case 'ANYONE':
      return user !== null;
    case 'DOMAIN':
      return user !== null && domain(user) === domain(w.owner);
    default:
      return user !== null && user.toLowerCase() === w.owner.toLowerCase();
  }
}

function domain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The e of doGet(e): queryString (null without one), parameter (first values), parameters (all), pathInfo, contextPath '', contentLength -1. */
export function requestEvent(req: WebRequest): Record<string, unknown> {
  let queryString: string | null = null;
  const parameters: Record<string, string[]> = {};
  if (typeof req.query === 'string') {
    queryString = req.query.replace(/^\?/, '') || null;
    for (const part of (queryString ?? '').split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const k = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
      const v = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      (parameters[k] ??= []).push(v);
    }
  } else if (req.query) {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(req.query)) {
      const vals = (Array.isArray(v) ? v : [v]).map(String);
      parameters[k] = vals;
      for (const x of vals) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x)}`);
    }
    queryString = parts.join('&') || null;
  }
  const parameter: Record<string, string> = {};
  for (const [k, v] of Object.entries(parameters)) parameter[k] = v[0];
  const e: Record<string, unknown> = { queryString, parameter, parameters, contextPath: '', contentLength: -1 };
  if (req.path) e.pathInfo = req.path.replace(/^\/+/, '');
  return e;
}

/** What the web app serves when doGet returns something that is not an HtmlOutput (observed wording). */
export const UNSUPPORTED_RETURN = 'The script completed but the returned value is not a supported return type.';
