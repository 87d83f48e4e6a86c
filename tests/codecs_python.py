#!/usr/bin/env python3
"""Checks libhmac's hex and base64 codecs against Python's binascii and
base64 modules, through tests/codecs_tool.c.

Encoding: random inputs of every length 0..100 and some large ones must
encode exactly as binascii.hexlify and base64.{standard,urlsafe}_b64encode
(with and without the '=' padding).

Decoding: Python's encodings must decode back; random mutations of them
(characters replaced, dropped or added) must be accepted exactly when
Python's strict decoders accept them and the text is the canonical
encoding of what they decode to (libsodium, hence libhmac, refuses
non-zero unused bits, which Python ignores), with the same bytes.

Usage: codecs_python.py PATH/TO/codecs_tool
"""
import base64
import binascii
import random
import struct
import subprocess
import sys

TOOL = sys.argv[1]
rng = random.Random(13)


def run(mode, data):
    out = subprocess.run([TOOL, mode], input=data, capture_output=True,
                         check=True)
    return out.stdout.decode().splitlines()


def py_encodings(b):
    std = base64.standard_b64encode(b).decode()
    url = base64.urlsafe_b64encode(b).decode()
    return [binascii.hexlify(b).decode(), std, std.rstrip("="), url,
            url.rstrip("=")]


KINDS = ["hex", "b64", "b64np", "url", "urlnp"]


def py_decode(kind, text):
    """Python's strict decoding, or None when Python refuses the text."""
    try:
        if kind == "hex":
            return binascii.unhexlify(text)
        if kind in ("url", "urlnp"):
            if "+" in text or "/" in text:
                return None
            text = text.replace("-", "+").replace("_", "/")
        if kind in ("b64np", "urlnp"):
            if "=" in text or len(text) % 4 == 1:
                return None
            text += "=" * (-len(text) % 4)
        elif len(text) % 4 != 0:
            return None
        return binascii.a2b_base64(text, strict_mode=True)
    except (binascii.Error, ValueError):
        return None


def main():
    failures = 0
    inputs = [rng.randbytes(n) for n in range(101)]
    inputs += [rng.randbytes(n) for n in (255, 256, 1000, 3000, 4096)]
    blob = b"".join(struct.pack("<I", len(b)) + b for b in inputs)
    for b, line in zip(inputs, run("encode", blob), strict=True):
        got = ["" if f == "-" else f for f in line.split(" ")]
        if got != py_encodings(b):
            print(f"FAIL encode len {len(b)}: {got} != {py_encodings(b)}")
            failures += 1

    cases = []
    alphabet = "AQgw09+/-_=xZ \t.:"
    for b in inputs[:101] + [rng.randbytes(rng.randrange(60)) for _ in range(3000)]:
        for kind, text in zip(KINDS, py_encodings(b)):
            cases.append((kind, text))
            t = list(text)
            for _ in range(rng.randrange(1, 3)):
                op = rng.randrange(3)
                if op == 0 and t:
                    t[rng.randrange(len(t))] = rng.choice(alphabet)
                elif op == 1 and t:
                    del t[rng.randrange(len(t))]
                else:
                    t.insert(rng.randrange(len(t) + 1), rng.choice(alphabet))
            cases.append((kind, "".join(t).replace("\t", "A")))
    lines = run("decode", "".join(f"{k} {t}\n" for k, t in cases).encode())
    accepted = refused = 0
    for (kind, text), line in zip(cases, lines, strict=True):
        want = py_decode(kind, text)
        # Canonical: re-encoding gives the text back (hex up to case).
        if want is not None:
            enc = py_encodings(want)[KINDS.index(kind)]
            if (enc.lower() if kind == "hex" else enc) != (
                    text.lower() if kind == "hex" else text):
                want = None
        expect = "ERR" if want is None else "OK " + want.hex()
        if line != expect:
            print(f"FAIL decode {kind} {text!r}: got {line!r}, want {expect!r}")
            failures += 1
        accepted += want is not None
        refused += want is None
    print(f"{len(inputs)} encodings x 5 forms, {len(cases)} decodings "
          f"({accepted} accepted, {refused} refused): {failures} failures")
    return 1 if failures else 0


sys.exit(main())
