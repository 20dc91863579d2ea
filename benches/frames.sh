#!/usr/bin/env bash
# Frame time and peak memory of the real app, per view, rendered under Xvfb (software Vulkan
# here; a GPU machine gives real-GPU numbers). Judge by ratios within one run: absolute times on
# llvmpipe depend on the machine. Usage: benches/frames.sh [WxH] [FRAMES]
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-640x360}"
frames="${2:-60}"
cargo build --quiet
binary="${CARGO_TARGET_DIR:-target}/debug/expo-hall"
out="$(mktemp -d)"
printf '%-18s %-40s %s\n' view "frame time (ms)" "peak RSS"
for view in overview walk pavilion:ru exhibit:in.eleven-screens; do
    log="$out/$(echo "$view" | tr ':.' '__').log"
    /usr/bin/time -v xvfb-run -a -s "-screen 0 1920x1080x24" "$binary" screenshot --view "$view" \
        --out "$out/shot.png" --size "$size" --frames "$frames" >"$log" 2>&1
    times="$(grep -o 'frame-time-ms.*' "$log" | sed 's/frame-time-ms //')"
    rss="$(grep 'Maximum resident set size' "$log" | awk '{printf "%.0f MiB", $6/1024}')"
    printf '%-18s %-40s %s\n' "$view" "$times" "$rss"
done
rm -rf "$out"
