// sinkEnvironment: the environment variables that point a miner at the run's S3 sink, under the names its code reads.
import type { S3Sink } from './s3-sink.ts';

/** The variable names one subnet's miner reads (vidaio: MINER_STORAGE_S3_*; grail: its R2 names). */
export interface SinkEnvNames {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}

export function sinkEnvironment(sink: S3Sink, endpointUrl: string, names: SinkEnvNames): Record<string, string> {
  return {
    [names.endpoint]: endpointUrl,
    [names.bucket]: sink.bucket,
    [names.accessKeyId]: sink.credentials.accessKeyId,
    [names.secretAccessKey]: sink.credentials.secretAccessKey,
    ...(names.region ? { [names.region]: 'us-east-1' } : {}),
  };
}
