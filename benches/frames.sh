#!/usr/bin/env bash
# The real app under Xvfb, for the empty hall (the shipped shell, one bare booth), the shipped hall
# and the 10× hall (every pavilion ten times: 171 zones, 501 exhibits), built by
# `cargo run --example scaled_hall`. For each quality tier, hall, view and window size,
# interleaved over ROUNDS rounds: the median frame time of FRAMES frames of the finished scene, the
# time from starting the program to its first complete frame, and the peak RSS. Medians over the
# rounds are printed.
#
# Rendering is software Vulkan (llvmpipe) here; a GPU machine gives GPU numbers. Judge by ratios
# within one run. RUST_BACKTRACE is unset: with it wgpu captures a backtrace on every lock.
#
# Usage: benches/frames.sh [ROUNDS=3] [FRAMES=30] [SIZES="640x360 1280x720"] [TIERS="low medium"]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
frames="${2:-30}"
sizes="${3:-640x360 1280x720}"
tiers="${4:-low medium}"
cargo build --quiet --bin expo-hall --example scaled_hall
target="${CARGO_TARGET_DIR:-target}/debug"
binary="$target/expo-hall"
work="$(mktemp -d)"
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
"$target/examples/scaled_hall" "$work/empty" 0 >/dev/null
"$target/examples/scaled_hall" "$work/ten" 10 >/dev/null
unset RUST_BACKTRACE
display=":$((50 + RANDOM % 20))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY="$display"
sleep 1

hall_args() {
    case "$1" in
        empty) echo "--content $work/empty --hall scaled" ;;
        shipped) echo "" ;;
        ten) echo "--content $work/ten --hall scaled" ;;
    esac
}

: >"$work/results"
for round in $(seq 1 "$rounds"); do
    for tier in $tiers; do
        for size in $sizes; do
            for view in overview walk; do
                for hall in empty shipped ten; do
                    start="$(date +%s.%N)"
                    # shellcheck disable=SC2046
                    /usr/bin/time -f "%M" -o "$work/rss" "$binary" $(hall_args "$hall") \
                        --quality "$tier" screenshot --view "$view" --size "$size" \
                        --frames "$frames" --out "$work/shot.png" \
                        >"$work/out" 2>"$work/err" || { tail -5 "$work/err" >&2; exit 1; }
                    median="$(grep -o 'median [0-9.]*' "$work/out" | cut -d' ' -f2)"
                    ready="$(grep -o 'first-complete-frame-unix [0-9.]*' "$work/out" | cut -d' ' -f2)"
                    startup="$(awk -v a="$ready" -v b="$start" 'BEGIN { printf "%.2f", a - b }')"
                    echo "$tier $hall $view $size $median $startup $(cat "$work/rss")" >>"$work/results"
                    echo "round $round: $tier $hall $view $size: ${median} ms, start → frame ${startup} s" >&2
                done
            done
        done
    done
done

median() { awk -v c="$1" '{ print $c }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '\n%-7s %-8s %-9s %-10s %16s %20s %10s\n' tier hall view size "frame (median)" "start → 1st frame" "peak RSS"
for tier in $tiers; do
    for size in $sizes; do
        for view in overview walk; do
            for hall in empty shipped ten; do
                rows="$(grep "^$tier $hall $view $size " "$work/results")"
                frame="$(echo "$rows" | median 5)"
                startup="$(echo "$rows" | median 6)"
                peak="$(echo "$rows" | awk '$7 > m { m = $7 } END { printf "%.0f", m / 1024 }')"
                printf '%-7s %-8s %-9s %-10s %13s ms %18s s %6s MiB\n' "$tier" "$hall" "$view" "$size" "$frame" "$startup" "$peak"
            done
        done
    done
done
