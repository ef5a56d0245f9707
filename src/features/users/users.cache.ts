/**
 * Recently served list pages, each tagged with the account's users version it was read at.
 * A page is served again only while the version read for the new request is the same, so an
 * answer is never staler than the database; the cache only saves rebuilding identical pages
 * for clients that poll. Another process never needs it: each keeps its own.
 */
export class UserPageCache<Page> {
  private readonly pages = new Map<string, { version: number; page: Page }>();

  constructor(private readonly limit = 256) {}

  get(key: string, version: number): Page | undefined {
    const entry = this.pages.get(key);
    if (entry?.version !== version) return undefined;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.pages.delete(key);
    this.pages.set(key, entry);
    return entry.page;
  }

  set(key: string, version: number, page: Page): void {
    this.pages.delete(key);
    this.pages.set(key, { version, page });
    if (this.pages.size > this.limit) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
  }
}
