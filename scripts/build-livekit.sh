#!/usr/bin/env bash
# Builds the pinned LiveKit server into .tools/livekit/ (git-ignored) once, reusing Go's module and
# build caches, so the browser tests can run a real SFU. Prints why and exits 0 when Go is absent:
# the LiveKit tests are then skipped, and say so.
set -euo pipefail
cd "$(dirname "$0")/.."

# v1.13.6 and later replace pion/webrtc, pion/ice and pion/dtls with LiveKit's "-warp" forks, which
# the Go module proxy refuses (403 "This module version is not available"). v1.13.5 is the newest
# release built only from modules the proxy serves.
LIVEKIT_SERVER_VERSION="v1.13.5"
OUT=".tools/livekit"
BIN="$OUT/livekit-server-$LIVEKIT_SERVER_VERSION"

if [ -x "$BIN" ]; then
  echo "livekit-server $LIVEKIT_SERVER_VERSION already built at $BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed: the LiveKit tests will be skipped (install Go 1.26+ to run them)."
  exit 0
fi

mkdir -p "$OUT"
# `go install …@version` refuses modules whose go.mod has replace directives, so build inside the
# downloaded module instead. The module cache is read-only; the build cache makes rebuilds cheap.
export GOFLAGS="-mod=mod"
MODDIR="$(cd /tmp && go mod download -json "github.com/livekit/livekit-server@$LIVEKIT_SERVER_VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$MODDIR" ]; then
  echo "Could not download github.com/livekit/livekit-server@$LIVEKIT_SERVER_VERSION" >&2
  exit 1
fi
echo "Building livekit-server $LIVEKIT_SERVER_VERSION (first time takes a few minutes)"
(cd "$MODDIR" && go build -trimpath -o "$OLDPWD/$BIN.tmp" ./cmd/server)
mv "$BIN.tmp" "$BIN"
ln -sf "livekit-server-$LIVEKIT_SERVER_VERSION" "$OUT/livekit-server"
echo "Built $BIN"
