// S3 XML bodies the sink answers with (errors, listings, multipart) and the one it reads (CompleteMultipartUpload) (pure).
import { XMLParser } from 'fast-xml-parser';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

export function errorXml(code: string, message: string, resource: string, requestId: string): string {
  return (
    `${HEAD}<Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message>` +
    `<Resource>${xmlEscape(resource)}</Resource><RequestId>${xmlEscape(requestId)}</RequestId></Error>`
  );
}

export interface ListedObject {
  key: string;
  size: number;
  etag: string;
  lastModified: Date;
}

export function listObjectsV2Xml(bucket: string, prefix: string, objects: readonly ListedObject[]): string {
  const contents = objects
    .map(
      (o) =>
        `<Contents><Key>${xmlEscape(o.key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified>` +
        `<ETag>${xmlEscape(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join('');
  return (
    `${HEAD}<ListBucketResult xmlns="${NS}"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix>` +
    `<KeyCount>${objects.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`
  );
}

export function initiateMultipartXml(bucket: string, key: string, uploadId: string): string {
  return (
    `${HEAD}<InitiateMultipartUploadResult xmlns="${NS}"><Bucket>${xmlEscape(bucket)}</Bucket>` +
    `<Key>${xmlEscape(key)}</Key><UploadId>${xmlEscape(uploadId)}</UploadId></InitiateMultipartUploadResult>`
  );
}

export function completeMultipartXml(location: string, bucket: string, key: string, etag: string): string {
  return (
    `${HEAD}<CompleteMultipartUploadResult xmlns="${NS}"><Location>${xmlEscape(location)}</Location>` +
    `<Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(etag)}</ETag>` +
    `</CompleteMultipartUploadResult>`
  );
}

/** The parts a CompleteMultipartUpload body lists, in the order given; null when the body is not that document. */
export function parseCompleteMultipart(xml: string): Array<{ partNumber: number; etag: string }> | null {
  let doc: unknown;
  try {
    doc = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Part' }).parse(xml);
  } catch {
    return null;
  }
  const parts = (doc as { CompleteMultipartUpload?: { Part?: unknown } })?.CompleteMultipartUpload?.Part;
  if (!Array.isArray(parts)) return null;
  const out: Array<{ partNumber: number; etag: string }> = [];
  for (const p of parts as Array<Record<string, unknown>>) {
    const n = Number(p.PartNumber);
    if (!Number.isInteger(n) || typeof p.ETag !== 'string') return null;
    out.push({ partNumber: n, etag: p.ETag.replace(/&quot;/g, '"') });
  }
  return out;
}
