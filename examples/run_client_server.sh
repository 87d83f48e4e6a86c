#!/bin/sh
# Runs server and client against each other on 127.0.0.1 and checks every
# verdict on both sides. Usage: run_client_server.sh SERVER CLIENT WORKDIR
set -eu

server=$1
client=$2
work=$3
mkdir -p "$work"
key=$work/key
out=$work/server.out
rm -f "$key" "$out"
# Exists before the server's redirection does: the polling below reads it
# at once, and under `set -e` a sed on a missing file would end the script.
: > "$out"

server_pid=
cleanup() {
    # Never leave a server behind, whatever failed.
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM
fail() { echo "FAIL: $*" >&2; echo "--- server output:" >&2; cat "$out" >&2 || true; exit 1; }

# A fresh random key, shared by both sides through the file.
head -c 32 /dev/urandom > "$key"

# Port 0: the OS picks a free port, so parallel test runs cannot collide.
"$server" 0 --max 4 --timeout 20 -k "$key" > "$out" &
server_pid=$!

port=
i=0
while [ $i -lt 100 ]; do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$out")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || fail "server exited before listening"
    sleep 0.1
    i=$((i + 1))
done
[ -n "$port" ] || fail "server did not report its port"

"$client" 127.0.0.1 "$port" -k "$key" > "$work/client.out" || {
    cat "$work/client.out"; fail "client exited with an error"; }
cat "$work/client.out"

# The client checks the verdicts it got; check them here as well, so a
# client that prints the right words but exits 0 by mistake is caught.
expected="accepted
rejected: bad tag
rejected: replay
rejected: stale"
got=$(sed -n 's/^.* -> //p' "$work/client.out" |
      sed 's/ *(as expected)$//; s/ *UNEXPECTED$//')
[ "$got" = "$expected" ] || fail "client verdicts: $got"

# The server must stop by itself after --max 4 and report success.
status=0
wait "$server_pid" || status=$?
server_pid=
[ "$status" -eq 0 ] || fail "server exit status $status"
served=$(grep -c '^message [1-4]: ' "$out" || true)
[ "$served" -eq 4 ] || fail "server judged $served messages, expected 4"
echo "ok: client and server agree on all 4 verdicts"
