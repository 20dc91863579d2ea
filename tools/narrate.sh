#!/usr/bin/env bash
# Makes the narration: every exhibit description, zone and sector introduction and tour stop of a
# content folder, spoken in English, Chinese and Russian by offline speech synthesis from Debian
# packages, as Ogg Vorbis files under audio/<lang>/, then stamps them (audio/<lang>/spoken.ron
# keeps a hash of each text, so the validator can tell when a text changed after its audio).
# Only files that are missing or out of date are made; a curator's own recording, once stamped,
# is left alone until its text changes.
#
#   sudo apt-get install festival festvox-us-slt-hts festvox-ru espeak-ng sox libsox-fmt-base
#   tools/narrate.sh [--content DIR] [--in en|zh|ru]...
#
# Voices (see assets/CREDITS.md): English, festival with the CMU ARCTIC "slt" HTS voice; Russian,
# festival with festvox-ru (msu_ru_nsh); Chinese, espeak-ng's Mandarin (cmn-latn-pinyin).
# EXPO_HALL may name the expo-hall binary (default: cargo run).
set -euo pipefail
cd "$(dirname "$0")/.."
content=assets
languages=()
while [ $# -gt 0 ]; do
    case "$1" in
        --content) content="$2"; shift 2 ;;
        --in) languages+=("$2"); shift 2 ;;
        *) echo "usage: $0 [--content DIR] [--in en|zh|ru]..." >&2; exit 2 ;;
    esac
done
[ ${#languages[@]} -gt 0 ] || languages=(en zh ru)
if [ -n "${EXPO_HALL:-}" ]; then
    expo_hall=("$EXPO_HALL")
else
    expo_hall=(cargo run --quiet --)
fi
for tool in text2wave espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is missing (see the apt-get line above)" >&2; exit 1; }
done

# speak LANG TEXT WAV: one text to a WAV file.
speak() {
    case "$1" in
        en) printf '%s\n' "$2" | text2wave -eval "(voice_cmu_us_slt_arctic_hts)" -o "$3" ;;
        # festvox-ru's letter rules know only letters, digits and plain punctuation: dashes
        # pause, "%" is read out, dots inside names part their words, the rest is dropped.
        # Should festival still fail, espeak-ng's Russian voice reads the text.
        ru) printf '%s\n' "$2" |
                LC_ALL=C.UTF-8 sed 's/ *[—–] */, /g; s/%/ процентов/g;
                    s/\([[:alnum:]]\)\.\([[:alnum:]]\)/\1 \2/g; s/[^[:alnum:][:space:],.!?;:]/ /g; s/ \+\([,.!?;:]\)/\1/g' |
                text2wave -eval "(voice_msu_ru_nsh_clunits)" -o "$3" && [ -s "$3" ] ||
                espeak-ng -v ru -s 150 -w "$3" "$2" ;;
        # The default Mandarin voice reads Hanzi with English letter rules: use the pinyin one.
        zh) espeak-ng -v cmn-latn-pinyin -s 150 -w "$3" "$2" ;;
        *) echo "$0: no voice for language $1" >&2; return 1 ;;
    esac
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in "${languages[@]}"; do
    mkdir -p "$content/audio/$lang"
    made=()
    while IFS=$'\t' read -r state file text; do
        [ "$state" = current ] && continue
        rm -f "$work/speech.wav"
        if ! speak "$lang" "$text" "$work/speech.wav" || [ ! -s "$work/speech.wav" ]; then
            echo "$0: the voice for $lang failed on $file; skipped" >&2
            continue
        fi
        # Mono, 16 kHz, Vorbis quality 0 (about 4 KB a second of speech), peaks at -2 dB.
        sox "$work/speech.wav" -r 16000 -c 1 -C 0 "$content/$file" gain -n -2
        if [ "$(soxi -s "$content/$file")" -eq 0 ]; then
            echo "$0: the voice for $lang said nothing for $file; skipped" >&2
            rm -f "$content/$file"
            continue
        fi
        made+=("$file")
        echo "$file ($(soxi -D "$content/$file" | cut -c1-5) s)"
    done < <("${expo_hall[@]}" --content "$content" narration list --in "$lang")
    if [ ${#made[@]} -gt 0 ]; then
        "${expo_hall[@]}" --content "$content" narration stamp "${made[@]}"
    fi
done
