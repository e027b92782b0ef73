/** A new random record id (globally unique, made by the app: rows can travel between laptops). */
export function newId(): string {
  return crypto.randomUUID();
}
