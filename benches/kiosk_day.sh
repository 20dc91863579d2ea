#!/usr/bin/env bash
# A kiosk on the expo floor, for an hour or more: the real binary in kiosk mode under Xvfb, served
# from a content folder, with visitors played by xdotool (taps on exhibits, booths and the
# toolbar, walks, reading pauses, leaving so the idle reset and the attract loop run) and a
# curator editing a zone file now and then (live reload rebuilds the scene). Records the RSS every
# minute and reports its growth after the first 10 minutes.
#
# Usage: benches/kiosk_day.sh [MINUTES=60] [WxH=1024x768] [OUT=rss.csv]
# Needs: xvfb (Xvfb), xdotool. Rendering is limited to one llvmpipe thread (LP_NUM_THREADS=1) so
# the machine stays usable; RUST_BACKTRACE is unset (wgpu captures a backtrace per lock with it).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-60}"
size="${2:-1024x768}"
csv="${3:-rss.csv}"
width="${size%x*}"
height="${size#*x}"
cargo build --quiet
binary="${CARGO_TARGET_DIR:-target}/debug/expo-hall"
work="$(mktemp -d)"
cp -r assets "$work/content"
cat >"$work/kiosk.ron" <<EOF
(
    attract_after: 20.0,
    still_there_after: 30.0,
    reset_after: 45.0,
    max_reading_seconds: 20.0,
    visit_log: "$work/visits.jsonl",
)
EOF
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
export LP_NUM_THREADS="${LP_NUM_THREADS:-1}"
unset RUST_BACKTRACE
display=":$((70 + RANDOM % 20))"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY="$display"
sleep 2
"$binary" --content "$work/content" --kiosk --config "$work/kiosk.ron" >"$work/kiosk.log" 2>&1 &
app=$!
helpers=()
cleanup() {
    for pid in "${helpers[@]}"; do kill "$pid" 2>/dev/null || true; done
    kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT

tap() { xdotool mousemove "$1" "$2" click 1 2>/dev/null || true; }
visitors() {
    while kill -0 "$app" 2>/dev/null; do
        for _ in $(seq $((3 + RANDOM % 6))); do
            case $((RANDOM % 6)) in
                0 | 1 | 2) tap $((RANDOM % width)) $((height / 5 + RANDOM % (height * 3 / 5))) ;;
                3) tap $((20 + RANDOM % (width / 2))) $((10 + RANDOM % 40)) ;; # the toolbar row
                4) xdotool keydown Up 2>/dev/null || true
                   sleep $((1 + RANDOM % 3))
                   xdotool keyup Up 2>/dev/null || true ;;
                5) xdotool key Escape 2>/dev/null || true ;;
            esac
            sleep $((2 + RANDOM % 8))
        done
        # The visitor walks away: "Still there?", the reset, the attract loop.
        sleep $((50 + RANDOM % 60))
    done
}
curator() {
    # First at minute 5 (inside the warm-up), then every 10 minutes.
    local zone="$work/content/zones/np.zone.ron" round=0 wait=300
    while kill -0 "$app" 2>/dev/null; do
        sleep "$wait"
        wait=600
        round=$((round + 1))
        sed -i "s/^\\/\\/ Nepal's pavilion.*/\\/\\/ Nepal's pavilion (edit $round)./" "$zone"
    done
}
visitors &
helpers+=($!)
curator &
helpers+=($!)

echo "minute,rss_kib" >"$csv"
for minute in $(seq 1 "$minutes"); do
    sleep 60
    if ! kill -0 "$app" 2>/dev/null; then
        echo "the kiosk stopped at minute $minute; its log:" >&2
        tail -20 "$work/kiosk.log" >&2
        exit 1
    fi
    rss="$(awk '/^VmRSS/ {print $2}' "/proc/$app/status")"
    echo "$minute,$rss" >>"$csv"
    echo "minute $minute: $((rss / 1024)) MiB"
done
kill -TERM "$app"
wait "$app" || true
at10="$(awk -F, '$1 == 10 {print $2}' "$csv")"
last="$(tail -1 "$csv" | cut -d, -f2)"
peak="$(awk -F, 'NR > 1 && $1 >= 10 && $2 > m {m = $2} END {print m}' "$csv")"
sessions="$(wc -l <"$work/visits.jsonl" 2>/dev/null || echo 0)"
reloads="$(grep -c 'content changed' "$work/kiosk.log" || true)"
panics="$(grep -ci 'panicked' "$work/kiosk.log" || true)"
echo "RSS at minute 10: $((at10 / 1024)) MiB; at the end: $((last / 1024)) MiB; peak after 10: $((peak / 1024)) MiB"
awk -v a="$at10" -v b="$last" -v p="$peak" \
    'BEGIN {printf "growth after minute 10: %.1f %% (end), %.1f %% (peak)\n", (b - a) * 100 / a, (p - a) * 100 / a}'
echo "sessions logged: $sessions; live reloads: $reloads; panics: $panics"
rm -rf "$work"
