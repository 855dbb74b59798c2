#!/usr/bin/env bash
# build-base-image.sh: builds the offline miner base image (Debian bookworm + python3 + aiohttp) without a registry.
# Usage: bash .ci/build-base-image.sh [--force]. Needs root, debootstrap and a running Docker engine.
set -euo pipefail
IMAGE=minerbench/python-base:bookworm
PACKAGES=python3,python3-aiohttp
if [ "${1:-}" != "--force" ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base image $IMAGE already present"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
rootfs=$(mktemp -d /tmp/minerbench-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
echo "building $IMAGE with debootstrap (about a minute)"
debootstrap --variant=minbase --include="$PACKAGES" bookworm "$rootfs" >/tmp/minerbench-debootstrap.log 2>&1 || {
  tail -20 /tmp/minerbench-debootstrap.log >&2; exit 1; }
tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$IMAGE" >/dev/null
echo "built $IMAGE"
