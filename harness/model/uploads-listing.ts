// UploadsListing: artifacts/uploads.json, every object the miner uploaded to the run's S3 sink(s): key, file under
// artifacts/uploads/, size and sha256 (a later upload to the same key is another entry; the last one is on disk).
import { z } from 'zod';

export const UPLOADS_LISTING_KIND = 'minerbench.uploads';
/** The listing's file name under artifacts/, and beside it what each service served. */
export const UPLOADS_ARTIFACT = 'uploads.json';
export const SERVICES_ARTIFACT = 'services.json';

export const uploadEntrySchema = z.strictObject({
  key: z.string(),
  /** Relative to artifacts/uploads: <bucket>/<key>. */
  file: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
  etag: z.string(),
  contentType: z.string().nullable(),
  /** Run clock, ms. */
  t: z.number(),
  via: z.enum(['put', 'multipart']),
  from: z.string(),
});

export const uploadsListingSchema = z.strictObject({
  kind: z.literal(UPLOADS_LISTING_KIND),
  version: z.literal(1),
  sinks: z.record(
    z.string(),
    z.strictObject({
      bucket: z.string(),
      uploads: z.array(uploadEntrySchema),
      /** Requests the sink refused (bad signature, wrong bucket...), and the first of them. */
      refused: z.number().int().min(0),
      firstRefused: z.array(
        z.strictObject({ op: z.string(), key: z.string().nullable(), status: z.number().int(), code: z.string() }),
      ),
    }),
  ),
});

export type UploadEntry = z.infer<typeof uploadEntrySchema>;
export type UploadsListing = z.infer<typeof uploadsListingSchema>;

/** The uploads on disk at the end: the last upload of each key, in upload order. */
export function currentUploads(uploads: readonly UploadEntry[]): UploadEntry[] {
  const last = new Map<string, UploadEntry>();
  for (const u of uploads) last.set(u.key, u);
  return uploads.filter((u) => last.get(u.key) === u);
}
