#!/bin/sh
# Checks stream_file against independent HMAC-SHA-256 implementations:
# the OpenSSL command line when it is on PATH, Python's hmac module when
# python3 is (both when both are). Usage: run_stream_file.sh STREAM_FILE WORKDIR
set -eu

stream_file=$1
work=$2
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }
have openssl || have python3 || fail "neither openssl nor python3 on PATH"

# Random inputs: sizes straddle the 64 KiB chunk and the 64-byte block.
head -c 32 /dev/urandom > "$work/key32"
head -c 100 /dev/urandom > "$work/key100"      # longer than a block: hashed first
: > "$work/empty"
head -c 65536 /dev/urandom > "$work/one_chunk"
head -c 5242887 /dev/urandom > "$work/big"     # 5 MiB + 7 bytes: a partial last chunk

hexkey() { od -An -tx1 -v "$1" | tr -d ' \n'; }

reference_openssl() {
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(hexkey "$1")" -r "$2" |
        cut -d' ' -f1
}

reference_python() {
    python3 -c 'import hashlib, hmac, sys
key = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "rb") as f:
    print(hmac.new(key, f.read(), hashlib.sha256).hexdigest())' "$1" "$2"
}

checked=0
for key in key32 key100; do
    for file in empty one_chunk big; do
        got=$("$stream_file" "$work/$key" "$work/$file") ||
            fail "stream_file $key $file exited with an error"
        for ref in openssl python3; do
            have "$ref" || continue
            if [ "$ref" = openssl ]; then
                want=$(reference_openssl "$work/$key" "$work/$file")
            else
                want=$(reference_python "$work/$key" "$work/$file")
            fi
            [ ${#want} -eq 64 ] || fail "$ref gave no digest for $key $file"
            [ "$got" = "$want" ] ||
                fail "$key $file: stream_file $got, $ref $want"
            checked=$((checked + 1))
        done
        echo "ok $key $file $got"
    done
done
rm -f "$work/big" "$work/one_chunk"
echo "ok: $checked comparisons with independent implementations"
