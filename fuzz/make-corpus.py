#!/usr/bin/env python3
"""Writes the committed seed corpus: fuzz/corpus/<target>/seed-*.

Seeds follow the input layout of fuzz_common.h: key length (2 bytes, little
endian), number of chunk-size bytes, bit to flip, the chunk sizes, the key,
then the message. Key and message sizes sit on SHA-256/SHA-512 block
boundaries (55/56 and 111/112 are where padding spills into another
block). Contents are a fixed pattern, so re-running gives the same files.
Usage: fuzz/make-corpus.py   (from anywhere)
"""
import os

# (key length, chunk sizes, flip bit, message length)
SEEDS = [
    (0, [], 0, 0),
    (1, [1], 7, 1),
    (31, [], 255, 55),
    (32, [0, 56], 3, 56),
    (64, [63, 1], 100, 64),
    (65, [64], 9, 111),
    (128, [111, 1], 200, 112),
    (129, [193, 0], 17, 129),   # 193 = two whole 64-byte blocks
    (200, [7, 128, 255], 42, 300),
    (300, [64, 128], 5, 1000),
]

TARGETS = ["fuzz_stream", "fuzz_openssl", "fuzz_backends"]


def pattern(n, salt):
    return bytes((i * 31 + salt) & 0xFF for i in range(n))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for target in TARGETS:
        out_dir = os.path.join(here, "corpus", target)
        os.makedirs(out_dir, exist_ok=True)
        for keylen, chunks, flip, msglen in SEEDS:
            data = bytes([keylen & 0xFF, keylen >> 8, len(chunks), flip])
            data += bytes(chunks) + pattern(keylen, 7) + pattern(msglen, 11)
            name = "seed-k%d-m%d" % (keylen, msglen)
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
