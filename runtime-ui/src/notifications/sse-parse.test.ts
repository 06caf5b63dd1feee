import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parse';

describe('SseParser', () => {
  it('completes events across chunks and skips heartbeats and retry', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 3000\n\n: heartbeat\n\nid: 7\nevent: in')).toEqual([]);
    expect(parser.push('box\ndata: {"unread":1}\n\n')).toEqual([{ id: '7', event: 'inbox', data: '{"unread":1}' }]);
  });

  it('reads CRLF line ends, several data lines and an event without an id', () => {
    const parser = new SseParser();
    expect(parser.push('event: end\r\ndata: a\r\ndata: b\r\n\r\ndata:c\n\n')).toEqual([
      { id: undefined, event: 'end', data: 'a\nb' },
      { id: undefined, event: 'message', data: 'c' },
    ]);
  });
});
