// SseParser: splits a text/event-stream body, fed chunk by chunk, into the data payloads of complete events.
//
// Bytes are decoded as one UTF-8 stream (a character cut between two TCP reads comes out whole), and a line ends at
// CR LF, LF or a bare CR, as the SSE spec allows (https://html.spec.whatwg.org/multipage/server-sent-events.html).

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buf = '';
  private data: string[] = [];
  /** The last chunk ended in CR: an LF that opens the next one belongs to the same line ending. */
  private afterCr = false;

  /** Feeds one chunk (bytes, or text already decoded); returns the data of every event it completed. */
  push(chunk: Uint8Array | string): string[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.lines(text);
  }

  /** Data of a last event the stream ended without a blank line for (and of any bytes left undecoded). */
  end(): string[] {
    return this.lines(this.decoder.decode() + '\n\n');
  }

  private lines(text: string): string[] {
    if (text === '') return []; // bytes of a character not complete yet
    if (this.afterCr && text.charCodeAt(0) === 10) text = text.slice(1);
    this.afterCr = false;
    const buf = this.buf + text;
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.line(buf.slice(start, i), out);
      if (c === 13) {
        if (i + 1 === buf.length) this.afterCr = true;
        else if (buf.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.buf = buf.slice(start);
    return out;
  }

  private line(line: string, out: string[]): void {
    if (line === '') {
      if (this.data.length) out.push(this.data.join('\n'));
      this.data = [];
    } else if (line.startsWith('data:')) {
      this.data.push(line.slice(line[5] === ' ' ? 6 : 5));
    } // comments (':') and other fields (event, id, retry) carry no output
  }
}
