// Helpers for the specs: read the mail that bimtek sent to maildev (v3 API).
// MAILDEV_URL is the maildev web/API root, e.g. http://127.0.0.1:1080 (set by scripts/test.sh).

export interface MailAddress {
  address: string;
  name: string;
}

export interface Mail {
  id: string;
  subject: string;
  to: MailAddress[];
  from?: MailAddress[];
  text?: string;
  html?: string;
  date?: string;
  [key: string]: unknown;
}

function maildevUrl(): string {
  const url = process.env.MAILDEV_URL;
  if (!url) throw new Error('MAILDEV_URL is not set (run the tests through scripts/test.sh)');
  return url.replace(/\/+$/, '');
}

/** All messages maildev holds, oldest first. */
export async function listMail(): Promise<Mail[]> {
  const res = await fetch(`${maildevUrl()}/api/email`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/email: HTTP ${res.status}`);
  return (await res.json()) as Mail[];
}

/** Polls maildev until a message matches `predicate`; returns it, or throws after `timeoutMs`. */
export async function waitForMail(
  predicate: (m: Mail) => boolean,
  timeoutMs = 15000,
): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  for (;;) {
    const mails = await listMail();
    seen = mails.length;
    const hit = mails.find(predicate);
    if (hit) return hit;
    if (Date.now() >= deadline) {
      throw new Error(`waitForMail: no matching message within ${timeoutMs} ms (${seen} message(s) in maildev)`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The raw RFC 5322 source of one message (headers + MIME body). */
export async function mailSource(id: string): Promise<string> {
  const res = await fetch(`${maildevUrl()}/api/email/${encodeURIComponent(id)}/source`);
  if (!res.ok) throw new Error(`GET /api/email/${id}/source: HTTP ${res.status}`);
  return await res.text();
}

/** True when `m` was sent to `address` (case-insensitive). */
export function sentTo(m: Mail, address: string): boolean {
  const want = address.toLowerCase();
  return (m.to ?? []).some((t) => t.address.toLowerCase() === want);
}

/** Deletes every message in maildev (scripts/test.sh already does this before each e2e run). */
export async function clearMail(): Promise<void> {
  const res = await fetch(`${maildevUrl()}/api/email/all`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`DELETE /api/email/all: HTTP ${res.status}`);
}
