import type { FastifyInstance } from 'fastify';

/**
 * A minimal browser for tests of the OpenID Connect flow: it keeps cookies per host, follows
 * redirects by hand and submits HTML forms. Requests to the hub's public origin go through
 * `app.inject` (no open port); everything else (the identity provider) over real HTTP with fetch.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, Map<string, string>>();

  constructor(
    private readonly hub: FastifyInstance,
    private readonly hubOrigin: string,
  ) {}

  /** The cookies this browser holds for a host. */
  cookies(host: string): Map<string, string> {
    let jar = this.#cookies.get(host);
    if (!jar) this.#cookies.set(host, (jar = new Map()));
    return jar;
  }

  /** One request, no redirect followed. */
  async request(
    method: 'GET' | 'POST',
    url: string,
    form?: Record<string, string>,
  ): Promise<{ url: string; status: number; location: string | null; body: string; setCookies: string[] }> {
    const target = new URL(url);
    const jar = this.cookies(target.host);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const body = form ? new URLSearchParams(form).toString() : undefined;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    let status: number;
    let location: string | null;
    let text: string;
    let setCookies: string[];
    if (target.origin === this.hubOrigin) {
      const res = await this.hub.inject({
        method,
        url: target.pathname + target.search,
        headers,
        payload: body,
      });
      status = res.statusCode;
      location = (res.headers.location as string | undefined) ?? null;
      text = res.body;
      const raw = res.headers['set-cookie'];
      setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    } else {
      const res = await fetch(target, { method, headers, body, redirect: 'manual' });
      status = res.status;
      location = res.headers.get('location');
      text = await res.text();
      setCookies = res.headers.getSetCookie();
    }
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return { url, status, location: location ? new URL(location, url).href : null, body: text, setCookies };
  }

  /** GETs a URL and follows redirects until a page answers, or until `stopAt` matches the next URL. */
  async follow(url: string, stopAt?: (url: string) => boolean) {
    let res = await this.request('GET', url);
    for (let hops = 0; res.status >= 300 && res.status < 400 && res.location; hops++) {
      if (hops > 20) throw new Error(`too many redirects from ${url}`);
      if (stopAt?.(res.location)) return res;
      res = await this.request('GET', res.location);
    }
    return res;
  }

  /** Submits the form of a page whose action ends with `actionSuffix`, then follows the redirects. */
  async submit(
    page: { url: string; body: string },
    actionSuffix: string,
    fields: Record<string, string> = {},
    stopAt?: (url: string) => boolean,
  ) {
    const actions = [...page.body.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    const action = actions.find((a) => a.endsWith(actionSuffix));
    if (!action) throw new Error(`no form ending in ${actionSuffix} on ${page.url}: ${actions.join(', ')}`);
    const res = await this.request('POST', new URL(action, page.url).href, fields);
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (stopAt?.(res.location)) return res;
      return this.follow(res.location, stopAt);
    }
    return res;
  }
}
