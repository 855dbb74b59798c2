#!/usr/bin/env bash
# build-base-image.sh: builds the offline miner base images without a registry (Debian bookworm by debootstrap):
#   minerbench/python-base:bookworm  python3 + python3-aiohttp            (template, inference-openai, grail stand-ins)
#   minerbench/ffmpeg-base:bookworm  python3 + python3-aiohttp + ffmpeg   (the vidaio stand-in miner)
# Usage: bash .ci/build-base-image.sh [--force] [python|ffmpeg ...]. Needs root, debootstrap and a running Docker engine.
set -euo pipefail
force=0
wanted=()
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    python|ffmpeg) wanted+=("$arg") ;;
    *) echo "unknown argument '$arg': use --force, python, ffmpeg" >&2; exit 2 ;;
  esac
done
[ ${#wanted[@]} -gt 0 ] || wanted=(python ffmpeg)

build() {
  local image=$1 packages=$2
  if [ "$force" != 1 ] && docker image inspect "$image" >/dev/null 2>&1; then
    echo "base image $image already present"
    return 0
  fi
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
  local rootfs log
  rootfs=$(mktemp -d /tmp/minerbench-rootfs.XXXXXX)
  log=/tmp/minerbench-debootstrap-${image//[\/:]/-}.log
  echo "building $image with debootstrap (a minute or a few)"
  debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" >"$log" 2>&1 || {
    tail -20 "$log" >&2; rm -rf "$rootfs"; exit 1; }
  tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$image" >/dev/null
  rm -rf "$rootfs"
  echo "built $image"
}

for w in "${wanted[@]}"; do
  case "$w" in
    python) build minerbench/python-base:bookworm python3,python3-aiohttp ;;
    ffmpeg) build minerbench/ffmpeg-base:bookworm python3,python3-aiohttp,ffmpeg ;;
  esac
done
