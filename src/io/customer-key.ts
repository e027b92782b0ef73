/**
 * Customers are recognised across orders without keeping their email: the key is the hex SHA-256
 * of the brand's secret salt plus the normalized email. crypto.subtle exists in browsers, workers
 * and Node, so the same code runs in the import worker and in tests.
 */

/** Trimmed and lower-cased, so `Ann@Example.com ` and `ann@example.com` are one customer. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The customer key of an email, or null for anonymous orders. */
export async function customerKeyOf(email: string | null, salt: string): Promise<string | null> {
  if (email === null || normalizeEmail(email) === '') return null;
  const bytes = new TextEncoder().encode(salt + normalizeEmail(email));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new random salt (32 bytes, hex). */
export function newCustomerSalt(): string {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Orders as the database will hold them: each gets its customer key; the raw email is kept only
 * when the owner opted in.
 */
export async function withCustomerKeys<T extends { email: string | null }>(
  orders: readonly T[],
  salt: string,
  keepRawEmails: boolean,
): Promise<(T & { customerKey: string | null })[]> {
  // One digest per distinct email, all requested at once: awaiting them one by one cost about
  // 0.1 ms each, 7 s for a 100,000-row export.
  const keys = new Map<string | null, Promise<string | null>>();
  for (const o of orders) if (!keys.has(o.email)) keys.set(o.email, customerKeyOf(o.email, salt));
  const done = new Map<string | null, string | null>();
  await Promise.all([...keys].map(async ([email, key]) => done.set(email, await key)));
  return orders.map((o) => ({
    ...o,
    customerKey: done.get(o.email) ?? null,
    email: keepRawEmails && o.email ? normalizeEmail(o.email) : null,
  }));
}
