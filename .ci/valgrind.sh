#!/usr/bin/env bash
# Every test executable under valgrind's memcheck (invalid reads/writes,
# uses of uninitialised memory, leaks), except the "slow" label and tests
# that already run valgrind themselves (label "valgrind": test_ct_valgrind).
# Tests run through a shell script (examples, the hmacsum CLI) are listed
# and skipped: they hash tens of MiB, far too slow under valgrind; set
# VALGRIND_SCRIPTS=1 to run them too, tracing the programs they start.
# Any memcheck error in any process fails the script.
# Usage: .ci/valgrind.sh [WORKDIR]    env: JOBS (default 2), VALGRIND_SCRIPTS
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/hmac-valgrind.XXXXXX)}
JOBS=${JOBS:-2}
mkdir -p "$WORK"
command -v valgrind > /dev/null || { echo "valgrind not installed"; exit 1; }

echo "== build (RelWithDebInfo) in $WORK/build"
cmake -S "$SRC" -B "$WORK/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DHMAC_BUILD_BENCH=OFF > "$WORK/configure.log" 2>&1 \
  || { cat "$WORK/configure.log"; exit 1; }
cmake --build "$WORK/build" -j "$JOBS" > "$WORK/build.log" 2>&1 \
  || { tail -n 60 "$WORK/build.log"; exit 1; }

(cd "$WORK/build" && ctest --show-only=json-v1) > "$WORK/tests.json"
rm -rf "$WORK/logs"
mkdir -p "$WORK/logs"

# The runner: reads ctest's test list, runs each test the way ctest would
# (working directory, environment, WILL_FAIL) with valgrind in front.
python3 - "$WORK" "$JOBS" "${VALGRIND_SCRIPTS:-0}" <<'PY'
import concurrent.futures, json, os, subprocess, sys, time

work, jobs, scripts = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
tests = json.load(open(os.path.join(work, "tests.json")))["tests"]
logs = os.path.join(work, "logs")
valgrind = ["valgrind", "--error-exitcode=99", "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect", "--track-origins=yes",
            "--num-callers=30"]

def props(t):
    return {p["name"]: p["value"] for p in t.get("properties", [])}

def is_elf(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False

jobs_to_run, skipped = [], []
for t in tests:
    p = props(t)
    labels = p.get("LABELS", [])
    cmd = t.get("command") or []
    if "slow" in labels or "valgrind" in labels:
        skipped.append((t["name"], "label " + ",".join(labels)))
    elif not cmd:
        skipped.append((t["name"], "no command (not built?)"))
    elif is_elf(cmd[0]) and not cmd[0].startswith("/usr/"):
        jobs_to_run.append((t["name"], cmd, p, False))
    elif scripts:
        jobs_to_run.append((t["name"], cmd, p, True))
    else:
        skipped.append((t["name"], "script-driven (VALGRIND_SCRIPTS=1 runs it)"))

def run(job):
    name, cmd, p, trace = job
    env = dict(os.environ)
    for kv in p.get("ENVIRONMENT", []):
        k, _, v = kv.partition("=")
        env[k] = v
    vg = valgrind + ["--log-file=" + os.path.join(logs, name + ".%p.log")]
    if trace:
        # Trace the programs the script starts, not the shell or tools.
        vg += ["--trace-children=yes",
               "--trace-children-skip=/usr/*,/bin/*,/sbin/*"]
    start = time.time()
    r = subprocess.run(vg + cmd, cwd=p.get("WORKING_DIRECTORY"), env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ok = (r.returncode != 0) if p.get("WILL_FAIL") else (r.returncode == 0)
    # ctest's SKIP_RETURN_CODE: the test says it cannot run here (as
    # hmacsum_guard does under valgrind); valgrind's own logs still count.
    if p.get("SKIP_RETURN_CODE") is not None and \
            str(r.returncode) == str(p.get("SKIP_RETURN_CODE")):
        ok = True
    if r.returncode == 99:
        ok = False
    return name, ok, r.returncode, time.time() - start, r.stdout.decode(errors="replace")

failed = []
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
    for name, ok, rc, secs, out in ex.map(run, jobs_to_run):
        print("%-36s %s (exit %d, %.1f s)" % (name, "ok" if ok else "FAILED", rc, secs),
              flush=True)
        if not ok:
            failed.append(name)
            print(out[-4000:])

# Every process valgrind saw, including children of scripts, must have a
# clean summary; a missing summary means the log is incomplete.
bad_logs = []
nlogs = 0
for f in sorted(os.listdir(logs)):
    nlogs += 1
    text = open(os.path.join(logs, f), errors="replace").read()
    if "ERROR SUMMARY: 0 errors" not in text:
        bad_logs.append(f)
        print("---- %s\n%s" % (f, text[-6000:]))
for name, why in skipped:
    print("skipped %-28s %s" % (name, why))
print("valgrind: %d tests, %d processes checked" % (len(jobs_to_run), nlogs))
if nlogs < len(jobs_to_run):
    print("valgrind: fewer logs than tests: valgrind did not run everything")
    sys.exit(1)
if failed or bad_logs:
    print("valgrind: FAILED: %s" % ", ".join(failed + bad_logs))
    sys.exit(1)
print("valgrind: all clean")
PY
