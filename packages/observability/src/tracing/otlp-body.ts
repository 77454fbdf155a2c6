import type { FinishedSpan, ResourceAttributes } from './finished-span.js';
import { JsonBytes } from './json-bytes.js';
import { writeOtlpHead, writeOtlpSpan, writeOtlpTail } from './otlp-json.js';
import { writeOtlpProtobufHead, writeOtlpProtobufSpan, writeOtlpProtobufTail } from './otlp-protobuf.js';
import { ProtobufBytes } from './protobuf-bytes.js';

/** OTLP/HTTP's two encodings, named as OTEL_EXPORTER_OTLP_PROTOCOL names them. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

export const otlpContentTypes: Record<OtlpProtocol, string> = {
  'http/protobuf': 'application/x-protobuf',
  'http/json': 'application/json',
};

/** One request body being filled span by span, in either encoding. */
export interface OtlpBody {
  add(span: FinishedSpan): void;
  /** Ends the body and gives its bytes (a view of the body's buffer). */
  finish(): Buffer;
  /** The buffer the body was written into, whole: once the body has been sent, a later body may reuse it. */
  backing(): Buffer;
}

/**
 * Starts a body with room for about `spans` typical spans (it grows past them), written into
 * `reuse` when that is large enough (the buffer of a body already sent).
 */
export function startOtlpBody(protocol: OtlpProtocol, serviceName: string, spans: number, extraResource?: ResourceAttributes, reuse?: Buffer): OtlpBody {
  if (protocol === 'http/json') {
    const out = new JsonBytes(spans * 1200, reuse);
    writeOtlpHead(out, serviceName, extraResource);
    let first = true;
    return {
      add(span) {
        writeOtlpSpan(out, span, first);
        first = false;
      },
      finish() {
        writeOtlpTail(out);
        return out.view();
      },
      backing: () => out.backing(),
    };
  }
  const out = new ProtobufBytes(spans * 600, reuse);
  writeOtlpProtobufHead(out, serviceName, extraResource);
  return {
    add: (span) => writeOtlpProtobufSpan(out, span),
    finish() {
      writeOtlpProtobufTail(out);
      return out.view();
    },
    backing: () => out.backing(),
  };
}
