/** One server-sent event as a reader sees it; `data` parsed as JSON. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the event it expects
  data: any;
  /** When it arrived (performance.now()). */
  at: number;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** The body when the answer was not a stream (a problem document). */
  problem: unknown;
  events: SseEvent[];
  /** Comment lines seen (heartbeats). */
  comments: string[];
  /** Resolves with the first event after `from` (an index into `events`) that matches, or rejects after `ms`. */
  next(match: (event: SseEvent) => boolean, ms?: number, from?: number): Promise<SseEvent>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens an event stream with fetch (so it can send Authorization) and parses events as they arrive. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  let problem: unknown;
  let ended: Promise<void> = Promise.resolve();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    problem = await response.json().catch(() => undefined);
  } else {
    ended = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const fields: Record<string, string> = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.includes(':'))
                fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1).trim();
            }
            if (fields.data !== undefined)
              events.push({
                id: fields.id,
                event: fields.event ?? 'message',
                data: JSON.parse(fields.data),
                at: performance.now(),
              });
            notify();
          }
        }
      } catch {
        // aborted by close()
      }
      notify();
    })();
  }
  const next = (match: (event: SseEvent) => boolean, ms = 5_000, from = 0) =>
    new Promise<SseEvent>((resolve, reject) => {
      const check = () => {
        const found = events.slice(from).find(match);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events.map((e) => e.data))}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return {
    status: response.status,
    headers: response.headers,
    problem,
    events,
    comments,
    next,
    ended,
    close: () => controller.abort(),
  };
}
