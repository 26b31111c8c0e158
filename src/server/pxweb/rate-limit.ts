/** How many calls one client may make to the open API in a time window (PxWeb's config tells clients). */
export interface RateLimit {
  readonly calls: number;
  readonly windowSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { calls: 30, windowSeconds: 10 };

/** Clients remembered at most; past this the oldest windows are forgotten (they would have expired). */
const MAX_CLIENTS = 10_000;

/**
 * A fixed-window counter per client address: `allow` says whether one more call fits in the client's
 * current window, and counts it if so.
 */
export function rateLimiter(limit: RateLimit, now: () => number) {
  const windows = new Map<string, { start: number; calls: number }>();
  const length = limit.windowSeconds * 1000;
  return {
    allow(client: string): boolean {
      const t = now();
      let window = windows.get(client);
      if (!window || t - window.start >= length) {
        windows.delete(client);
        if (windows.size >= MAX_CLIENTS) {
          for (const [key, w] of windows) if (t - w.start >= length) windows.delete(key);
          if (windows.size >= MAX_CLIENTS) windows.delete(windows.keys().next().value!);
        }
        window = { start: t, calls: 0 };
        windows.set(client, window);
      }
      if (window.calls >= limit.calls) return false;
      window.calls++;
      return true;
    },
  };
}
