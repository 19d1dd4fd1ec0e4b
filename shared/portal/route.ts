import type { Role } from '../domain/caller.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { PageContext } from './layout.ts';
import type { PortalDeps } from './deps.ts';
import type { PortalResponse } from './response.ts';
import type { Session } from './session.ts';

export interface PortalRequest {
  method: string;
  /** Decoded path, e.g. `/portal/thu-tuc/1.001193`. */
  path: string;
  query: URLSearchParams;
  /** The urlencoded form of a POST; undefined for another content type. */
  form?: URLSearchParams;
  /** A multipart/form-data POST (file uploads), parsed. */
  multipart?: FormData;
  cookies: Record<string, string | undefined>;
  /** The deployment's public origin (config PUBLIC_URL), never the request's Host: the sign-in's redirect and the API's base URL. */
  origin: string;
  /** Lower-case request headers. */
  headers: Record<string, string | undefined>;
  /** The client's address (API Gateway's `requestContext.http.sourceIp`): the look-up's per-client limit. */
  sourceIp?: string;
}

export interface PublicContext {
  request: PortalRequest;
  /** The pattern's named groups, decoded. */
  params: Record<string, string>;
  page: PageContext;
  session?: Session;
  deps: PortalDeps;
}

export interface SignedInContext extends PublicContext {
  session: Session;
  /** The API, called with the person's own token. */
  api: ApiClient;
}

interface RouteBase {
  methods: readonly ('GET' | 'POST')[];
  /** Matched against the whole path; named groups become `params`. */
  pattern: RegExp;
}

export interface PublicRoute extends RouteBase {
  access: 'public';
  handle(context: PublicContext): Promise<PortalResponse>;
}

export interface SignedInRoute extends RouteBase {
  /** Any signed-in person, or only these roles (others get 403); forms must carry the session's CSRF token. */
  access: 'signed-in' | { roles: readonly Role[] };
  handle(context: SignedInContext): Promise<PortalResponse>;
}

export type PortalRoute = PublicRoute | SignedInRoute;

/** The value of a form field, from either kind of form. */
export function field(request: PortalRequest, name: string): string {
  const value = request.form?.get(name) ?? request.multipart?.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A pattern matching exactly one path (no parameters). */
export const exact = (path: string): RegExp => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

interface FormPage<Access, Context> {
  pattern: RegExp;
  access: Access;
  show(context: Context): Promise<PortalResponse>;
  submit(context: Context): Promise<PortalResponse>;
}

/** A form's own page: GET shows the form, POST submits it. */
export function formPage(page: FormPage<'public', PublicContext>): PublicRoute;
export function formPage(page: FormPage<SignedInRoute['access'], SignedInContext>): SignedInRoute;
export function formPage({
  pattern,
  access,
  show,
  submit,
}: FormPage<PortalRoute['access'], SignedInContext>): PortalRoute {
  return {
    methods: ['GET', 'POST'],
    pattern,
    access,
    handle: (context: SignedInContext) => (context.request.method === 'POST' ? submit(context) : show(context)),
  } as PortalRoute;
}
