/** One sample of a Prometheus text exposition. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Reads the text exposition format back into samples and the declared types: for tests that
 * scrape `/metrics`, and for tools that read a gateway's figures. Throws on a malformed line.
 */
export function parsePrometheusText(text: string): { samples: PrometheusSample[]; types: Record<string, string> } {
  const samples: PrometheusSample[] = [];
  const types: Record<string, string> = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) types[type[1]!] = type[2]!;
      else if (!/^# HELP \S+ /.test(line)) throw new SyntaxError(`line ${index + 1}: unexpected comment ${line}`);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new SyntaxError(`line ${index + 1}: not a sample: ${line}`);
    const labels: Record<string, string> = {};
    const labelText = match[2] ?? '';
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/gy;
    let consumed = 0;
    for (let label = labelPattern.exec(labelText); label; label = labelPattern.exec(labelText)) {
      labels[label[1]!] = label[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      consumed = labelPattern.lastIndex;
    }
    if (consumed !== labelText.length) throw new SyntaxError(`line ${index + 1}: bad labels: ${labelText}`);
    const raw = match[3]!;
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
    if (Number.isNaN(value) && raw !== 'NaN') throw new SyntaxError(`line ${index + 1}: bad value ${raw}`);
    samples.push({ name: match[1]!, labels, value });
  }
  return { samples, types };
}
