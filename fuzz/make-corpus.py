#!/usr/bin/env python3
"""Writes the committed seed corpus: fuzz/corpus/<target>/seed-*.
fuzz_many's seeds (MANY_SEEDS) follow fuzz_many.c's own layout.

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


# fuzz_many has a layout of its own (fuzz_many.c): family, backend mask,
# n, flags, flip, shared key length (2 bytes), 40 x (length (2), offset (2),
# chunk byte), then the pool bytes. (family, mask, n, flags, lengths)
MANY_SEEDS = [
    (0, 3, 0, 0, []),
    (0, 3, 1, 0, [64]),
    (1, 3, 2, 2, [0, 128]),
    (2, 3, 3, 1, [55, 56, 111]),
    (3, 0, 16, 0, [i * 37 % 300 for i in range(16)]),
    (4, 3, 17, 3, [127, 128, 129] * 5 + [4096, 0]),
    (2, 2, 40, 1, [64 * (i % 5) + i % 3 for i in range(40)]),
    (5, 3, 16, 0, [4096] * 16),
    (6, 3, 8, 0, [1000, 1, 0, 112, 113, 239, 240, 2048]),
    (7, 1, 5, 0, [56, 0, 64, 119, 120]),
    (8, 3, 33, 0, [i * 61 % 700 for i in range(33)]),
]


def many_seed(family, mask, n, flags, lengths):
    data = bytes([family, mask, n, flags, 77, 40, 0])
    for i in range(40):
        length = lengths[i] if i < len(lengths) else 0
        offset = (i * 1237 + 1) % 60000
        data += bytes([length & 0xFF, length >> 8, offset & 0xFF, offset >> 8,
                       (i * 53 + 9) & 0xFF])
    return data + pattern(300, 13)


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
    out_dir = os.path.join(here, "corpus", "fuzz_many")
    os.makedirs(out_dir, exist_ok=True)
    for family, mask, n, flags, lengths in MANY_SEEDS:
        name = "seed-f%d-m%d-n%d-x%d" % (family, mask, n, flags)
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(many_seed(family, mask, n, flags, lengths))


if __name__ == "__main__":
    main()
