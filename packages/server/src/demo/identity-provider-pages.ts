/**
 * The demo identity provider's own pages: a sign-in form and a consent form, plain HTML forms so a
 * browser or a test can complete them with form posts. Every value is escaped.
 */

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem}.note{color:#555;font-size:.9rem}.error{color:#a00}</style>
</head><body><p class="note">${escapeHtml(title)} — demo only, not a real identity service</p>
<h1>${escapeHtml(heading)}</h1>${body}</body></html>`;
}

/** The sign-in form of an interaction. */
export function loginPage(input: { title: string; uid: string; clientName: string; error?: string }): string {
  const uid = encodeURIComponent(input.uid);
  return page(
    input.title,
    'Sign in',
    `<p>${escapeHtml(input.clientName)} asks you to sign in.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login" autocomplete="off">
<label for="username">Username</label><input id="username" name="username" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>`,
  );
}

/** The consent form of an interaction: what the client asks to learn. */
export function consentPage(input: {
  title: string;
  uid: string;
  clientName: string;
  scopes: string[];
}): string {
  const uid = encodeURIComponent(input.uid);
  return page(
    input.title,
    'Share your details?',
    `<p>${escapeHtml(input.clientName)} asks for:</p>
<ul>${input.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Deny</button></form>`,
  );
}

/** The provider's error page. */
export function errorPage(title: string, message: string): string {
  return page(title, 'Something went wrong', `<p class="error">${escapeHtml(message)}</p>`);
}
