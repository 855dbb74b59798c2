// dockerDeviceRequests: the Docker HostConfig.DeviceRequests that give a container exactly the assigned GPUs.

export interface NvidiaDeviceRequest {
  Driver: 'nvidia';
  DeviceIDs: string[];
  Capabilities: string[][];
}

/** [] for no GPU; otherwise one nvidia request for exactly these GPU-/MIG- UUIDs (never Count: -1, "all"). */
export function dockerDeviceRequests(deviceIds: readonly string[]): NvidiaDeviceRequest[] {
  if (deviceIds.length === 0) return [];
  return [{ Driver: 'nvidia', DeviceIDs: [...deviceIds], Capabilities: [['gpu']] }];
}
