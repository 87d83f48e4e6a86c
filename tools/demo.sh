#!/bin/sh
# The README's main job: make a key, sign some files with hmacsum, check
# them, tamper with one and show the check fail. Usage: demo.sh [BUILD_DIR]
set -eu
BUILD_DIR=$(cd "${1:-build}" && pwd)
H="$BUILD_DIR/tools/hmacsum/hmacsum"
DEMO=$(mktemp -d "${TMPDIR:-/tmp}/hmacsum-demo.XXXXXX")
trap 'rm -rf "$DEMO"' EXIT
cd "$DEMO"

say() { printf '\n$ %s\n' "$*"; }

say "hmacsum --version"
"$H" --version

say "hmacsum --keygen -o demo.key        # 32 random bytes, mode 0600"
"$H" --keygen -o demo.key
ls -l demo.key | awk '{print $1, $NF}'

printf 'invoice #1: 100 EUR\n' > invoice1.txt
printf 'invoice #2: 250 EUR\n' > invoice2.txt
printf 'release notes\n' > notes.txt

say "hmacsum -k demo.key invoice1.txt invoice2.txt notes.txt > SUMS"
"$H" -k demo.key invoice1.txt invoice2.txt notes.txt > SUMS
cat SUMS

say "hmacsum -k demo.key -c SUMS"
"$H" -k demo.key -c SUMS

say "sed -i 's/100/900/' invoice1.txt     # tamper with one file"
sed -i 's/100/900/' invoice1.txt

say "hmacsum -k demo.key -c SUMS"
status=0
"$H" -k demo.key -c SUMS 2>&1 || status=$?
if [ "$status" -ne 1 ]; then
    echo "demo: the tampered file was NOT detected (exit $status)" >&2
    exit 1
fi
echo "(exit status $status: the check failed, as it must)"

say "hmacsum -k other.key -c SUMS        # right files, wrong key"
"$H" --keygen -o other.key >/dev/null
printf 'invoice #1: 100 EUR\n' > invoice1.txt
if "$H" -k other.key -c SUMS >/dev/null 2>&1; then
    echo "demo: a wrong key was accepted" >&2
    exit 1
fi
echo "every file FAILED: without the key nobody can forge SUMS"
echo
echo "demo: OK"
