import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { memoryAdapter } from './identity-provider-adapter';
import { consentPage, errorPage, loginPage } from './identity-provider-pages';

/**
 * A real OpenID Connect provider for the demo and the tests, built on `oidc-provider`: the hub signs
 * in against it exactly as against a national eID service or Life Science Login. Authorisation code
 * flow only, PKCE required, its own small sign-in and consent pages (no development interactions).
 * Never a production identity service: accounts and passwords are given in memory.
 */

/** A person who can sign in at the demo provider. */
export interface DemoIdpAccount {
  /** The subject identifier the provider asserts. */
  sub: string;
  username: string;
  password: string;
  name: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  /** A (fake) national identifier, sent as the `person_identifier` claim under the `national_id` scope. */
  nationalId?: string;
}

/** A relying party registered at the demo provider. */
export interface DemoIdpClient {
  clientId: string;
  /** Omitted for a public client (PKCE only). */
  clientSecret?: string;
  redirectUris: string[];
  /** Shown on the consent page. */
  name?: string;
}

/** A running demo provider. */
export interface DemoIdentityProvider {
  /** The issuer identifier (`http://127.0.0.1:<port>`), for the hub's provider configuration. */
  issuer: string;
  stop(): Promise<void>;
}

/** The claim and scope carrying the national identifier (eIDAS-style `person_identifier`). */
export const NATIONAL_ID_CLAIM = 'person_identifier';

/** Starts the demo provider on `host:port` (port 0 picks a free one). */
export async function startDemoIdentityProvider(options: {
  port?: number;
  host?: string;
  title?: string;
  clients: DemoIdpClient[];
  accounts: DemoIdpAccount[];
}): Promise<DemoIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const title = options.title ?? 'Demo identity provider';
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, configuration(options, title));
  const clientNames = new Map(options.clients.map((c) => [c.clientId, c.name ?? c.clientId]));
  // The sign-in and consent forms end in a redirect to the relying party, which CSP form-action also
  // governs (browsers check the redirects of a form submission): allow the registered redirect origins.
  const formTargets = [
    ...new Set(options.clients.flatMap((c) => c.redirectUris.map((u) => new URL(u).origin))),
  ];
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/interaction/')) {
      interaction(provider, {
        req,
        res,
        path,
        title,
        accounts: options.accounts,
        clientNames,
        formTargets,
      }).catch((err) => {
        if (!res.headersSent) html(res, 400, errorPage(title, (err as Error).message));
      });
    } else {
      void handle(req, res);
    }
  });
  return {
    issuer,
    stop: () => closeServer(server),
  };
}

function configuration(
  options: { clients: DemoIdpClient[]; accounts: DemoIdpAccount[] },
  title: string,
): Configuration {
  const bySub = new Map(options.accounts.map((a) => [a.sub, a]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    use: 'sig',
    alg: 'RS256',
  };
  return {
    adapter: memoryAdapter(),
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret ? { client_secret: c.clientSecret } : {}),
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: c.clientSecret ? 'client_secret_basic' : 'none',
      ...(c.name ? { client_name: c.name } : {}),
    })),
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email', 'email_verified'],
      national_id: [NATIONAL_ID_CLAIM],
    },
    scopes: ['openid', 'profile', 'email', 'national_id'],
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const a = bySub.get(sub);
      if (!a) return undefined;
      return {
        accountId: a.sub,
        async claims() {
          return {
            sub: a.sub,
            name: a.name,
            ...(a.givenName ? { given_name: a.givenName } : {}),
            ...(a.familyName ? { family_name: a.familyName } : {}),
            ...(a.email ? { email: a.email, email_verified: true } : {}),
            ...(a.nationalId ? { [NATIONAL_ID_CLAIM]: a.nationalId } : {}),
          };
        },
      };
    },
    // RFC 9700 §2.1.1: PKCE for every client, confidential ones included.
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [jwk] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(title, String(out.error_description ?? out.error ?? 'error'));
    },
  };
}

interface InteractionRequest {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  title: string;
  accounts: DemoIdpAccount[];
  clientNames: Map<string, string>;
  /** Origins a form of these pages may end up at (the relying parties' redirect URIs). */
  formTargets: string[];
}

/** The login and consent interaction: GET shows the page, POSTs finish the step. */
async function interaction(provider: Provider, r: InteractionRequest): Promise<void> {
  const { req, res, title } = r;
  const details = await provider.interactionDetails(req, res);
  const [, , uid, action] = r.path.split('/');
  if (uid !== details.uid) throw new Error('this sign-in page does not belong to your session; start again');
  const clientId = String(details.params.client_id);
  const clientName = r.clientNames.get(clientId) ?? clientId;

  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login')
      return html(res, 200, loginPage({ title, uid, clientName }), r.formTargets);
    const scopes = String(details.params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    return html(res, 200, consentPage({ title, uid, clientName, scopes }), r.formTargets);
  }
  if (req.method !== 'POST') return html(res, 405, errorPage(title, 'method not allowed'));

  if (action === 'abort') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'the person cancelled the sign-in' },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === 'login' && details.prompt.name === 'login') {
    const form = await readForm(req);
    const account = r.accounts.find((a) => a.username === form.get('username'));
    if (!account || !samePassword(account.password, form.get('password') ?? '')) {
      return html(
        res,
        401,
        loginPage({ title, uid, clientName, error: 'Unknown username or wrong password.' }),
        r.formTargets,
      );
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === 'confirm' && details.prompt.name === 'consent') {
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error('sign in first');
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId, clientId });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  return html(
    res,
    400,
    errorPage(title, `unexpected step ${action ?? ''} for prompt ${details.prompt.name}`),
  );
}

function samePassword(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function html(res: ServerResponse, status: number, body: string, formTargets: string[] = []): void {
  const formAction = ["'self'", ...formTargets].join(' ');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}`,
  });
  res.end(body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
