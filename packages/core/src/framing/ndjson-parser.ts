/** An incremental newline-delimited JSON parser: feed it chunks as they arrive, get the values completed so far. */
export interface NdjsonParser {
  /**
   * Parses one chunk; throws on a line that is not JSON, naming its line number (the stream is
   * broken then: do not push more). Feed bytes or text, not both.
   */
  push(chunk: Uint8Array | string): unknown[];
  /** Ends the stream and parses an unterminated last line. */
  end(): unknown[];
}

/**
 * Parses NDJSON (Ollama's native streams, decoded Bedrock events): one JSON value per line, lines
 * ending in LF or CRLF, blank lines skipped. A chunk may end anywhere, even inside a UTF-8 character.
 */
export function createNdjsonParser(): NdjsonParser {
  let decoder = new TextDecoder('utf-8');
  // Pieces of a line whose end has not arrived yet, joined once it is complete.
  let unfinishedLine: string[] = [];
  let lineNumber = 0;

  function parseLine(line: string, values: unknown[]): void {
    lineNumber += 1;
    // JSON.parse accepts surrounding whitespace, so a CRLF line needs no trimming; only blank lines are skipped.
    if (line.trim().length === 0) return;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`NDJSON line ${lineNumber} is not valid JSON: ${reason}`, { cause: error });
    }
  }

  function parseText(text: string, values: unknown[]): void {
    let position = 0;
    let lineEnd = text.indexOf('\n');
    while (lineEnd !== -1) {
      let line = text.slice(position, lineEnd);
      if (unfinishedLine.length > 0) {
        unfinishedLine.push(line);
        line = unfinishedLine.join('');
        unfinishedLine = [];
      }
      position = lineEnd + 1;
      parseLine(line, values);
      lineEnd = text.indexOf('\n', position);
    }
    if (position < text.length) unfinishedLine.push(position === 0 ? text : text.slice(position));
  }

  return {
    push(chunk) {
      const values: unknown[] = [];
      parseText(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }), values);
      return values;
    },
    end() {
      const values: unknown[] = [];
      parseText(decoder.decode(), values);
      const line = unfinishedLine.join('');
      unfinishedLine = [];
      decoder = new TextDecoder('utf-8');
      if (line.length > 0) parseLine(line, values);
      lineNumber = 0;
      return values;
    },
  };
}
