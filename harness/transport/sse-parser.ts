// SseParser: splits a text/event-stream body, fed chunk by chunk, into the data payloads of complete events.

export class SseParser {
  private buf = '';
  private data: string[] = [];

  /** Feeds one chunk; returns the data of every event it completed (multi-line data joined with \n). */
  push(chunk: string): string[] {
    this.buf += chunk;
    const out: string[] = [];
    let nl: number;
    while ((nl = this.buf.indexOf('\n')) >= 0) {
      let line = this.buf.slice(0, nl);
      this.buf = this.buf.slice(nl + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') {
        if (this.data.length) out.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line[5] === ' ' ? 6 : 5));
      } // comments (':') and other fields (event, id, retry) carry no output
    }
    return out;
  }

  /** Data of a last event the stream ended without a blank line for. */
  end(): string[] {
    const rest = this.push('\n\n');
    return rest;
  }
}
