/*
 * test_api.c - the API contract around the algorithms: verify rejects
 * every single-bit change, crypto_verify_NN, crypto_auth = HMAC-SHA-512-256,
 * sizes and constants, the NULL/length rules of the header comments, final
 * wiping the state, keygen.
 */
#include <string.h>

#include "algos.h"
#include "testutil.h"

/* Independent answers for empty inputs, from Python:
 *   python3 -c "import hashlib; print(hashlib.sha256(b'').hexdigest())"
 *   python3 -c "import hashlib; print(hashlib.sha512(b'').hexdigest())"
 *   python3 -c "import hmac; print(hmac.new(bytes(range(32)), b'', 'sha256').hexdigest())"
 *   python3 -c "import hmac; print(hmac.new(bytes(range(32)), b'', 'sha512').hexdigest())"
 *   python3 -c "import hmac; print(hmac.new(b'', b'', 'sha256').hexdigest())"
 *   python3 -c "import hmac; print(hmac.new(b'', b'', 'sha512').hexdigest())"
 * and the same with sha224 / sha384 for the SHA-224 and SHA-384 rows.
 * HMAC-SHA-512-256 is the first 64 hex digits of the HMAC-SHA-512 ones. */
static const struct {
    const char *name, *empty;
} hash_empty[] = {
    {"SHA-256",
     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"SHA-512",
     "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
     "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
    {"SHA-224", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"},
    {"SHA-384",
     "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
     "274edebfe76f65fbd51ad2f14898b95b"},
};

static const struct {
    const char *name;
    const char *empty_msg;  /* key 00 01 .. 1f, empty message */
    const char *empty_key;  /* empty key, empty message */
} hmac_empty[] = {
    {"HMAC-SHA-256",
     "d38b42096d80f45f826b44a9d5607de72496a415d3f4a1a8c88e3bb9da8dc1cb",
     "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"},
    {"HMAC-SHA-512",
     "b04a70f45e9529968060f0026344d5f4da59f1c3ce228245f6bb088d7b8aa9fc"
     "8f5f3c2a48027e48338de0fbec7d9d8fed963ae333d2b9c5704e2e95864ec78b",
     "b936cee86c9f87aa5d3c6f2e84cb5a4239a5fe50480a6ec66b70ab5b1f4ac673"
     "0c6c515421b327ec1d69402e53dfb49ad7381eb067b338fd7b0cb22247225d47"},
    {"HMAC-SHA-512-256",
     "b04a70f45e9529968060f0026344d5f4da59f1c3ce228245f6bb088d7b8aa9fc",
     "b936cee86c9f87aa5d3c6f2e84cb5a4239a5fe50480a6ec66b70ab5b1f4ac673"},
    {"HMAC-SHA-224",
     "2a7430f93bb5456d155c654063c7074aa70c01936a6c0e53a9f9407f",
     "5ce14f72894662213e2748d2a6ba234b74263910cedde2f5a9271524"},
    {"HMAC-SHA-384",
     "8f8683aef2575615be091bb6cda44bb103c8fc7f68dd0879824ffac246e8f2ca"
     "7471c605d53f69941c51b47549168216",
     "6c1f2ee938fad2e24bd91298474382ca218c75db3d83e114b3d4367776d14d35"
     "51289e75e8209cd4b792302840234adc"},
};

#define PATTERN 0xa5

static void counting_key(uint8_t key[32])
{
    size_t i;

    for (i = 0; i < 32; i++) {
        key[i] = (uint8_t)i;
    }
}

static int all_bytes(const void *p, int v, size_t n)
{
    const uint8_t *b = p;
    size_t i;

    for (i = 0; i < n; i++) {
        if (b[i] != (uint8_t)v) {
            return 0;
        }
    }
    return 1;
}

/* ---- verify ------------------------------------------------------------ */

static void test_verify_bit_flips(void **unused)
{
    uint8_t key[32], msg[77];
    uint64_t seed = 7;
    size_t i;

    (void)unused;
    counting_key(key);
    tu_fill_random(msg, sizeof msg, &seed);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        uint8_t tag[TU_MAX_DIGEST], bad[TU_MAX_DIGEST];
        size_t bit;

        assert_int_equal(a->oneshot(tag, msg, sizeof msg, key), 0);
        assert_int_equal(a->verify(tag, msg, sizeof msg, key), 0);
        for (bit = 0; bit < 8 * a->tag_bytes; bit++) {
            memcpy(bad, tag, a->tag_bytes);
            bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            if (a->verify(bad, msg, sizeof msg, key) != -1) {
                fail_msg("%s: tag with bit %zu flipped accepted", a->name, bit);
            }
            assert_int_equal(a->verify_tag(bad, tag), -1);
        }
        memset(bad, 0, sizeof bad);
        assert_int_equal(a->verify(bad, msg, sizeof msg, key), -1);
        /* A changed message or key is rejected too. */
        msg[3] ^= 1;
        assert_int_equal(a->verify(tag, msg, sizeof msg, key), -1);
        msg[3] ^= 1;
        key[31] ^= 0x80;
        assert_int_equal(a->verify(tag, msg, sizeof msg, key), -1);
        key[31] ^= 0x80;
        assert_int_equal(a->verify(tag, msg, sizeof msg, key), 0);
    }
}

static void check_verify_n(int (*v)(const unsigned char *, const unsigned char *),
                           size_t n)
{
    uint8_t x[64], y[64];
    uint64_t seed = 8;
    size_t i;
    unsigned d;

    tu_fill_random(x, sizeof x, &seed);
    memcpy(y, x, sizeof y);
    assert_int_equal(v(x, y), 0);
    assert_int_equal(v(x, x), 0);
    for (i = 0; i < n; i++) {
        for (d = 1; d < 256; d <<= 1) {
            y[i] ^= (uint8_t)d;
            if (v(x, y) != -1 || v(y, x) != -1) {
                fail_msg("crypto_verify_%zu: difference 0x%02x at byte %zu "
                         "missed", n, d, i);
            }
            y[i] ^= (uint8_t)d;
        }
        y[i] ^= 0xff;
        assert_int_equal(v(x, y), -1);
        y[i] ^= 0xff;
    }
    /* Bytes past n are not compared. */
    if (n < sizeof y) {
        y[n] ^= 1;
        assert_int_equal(v(x, y), 0);
    }
    assert_int_equal(v(NULL, y), -1);
    assert_int_equal(v(x, NULL), -1);
}

static int verify16(const unsigned char *x, const unsigned char *y)
{
    return crypto_verify_16(x, y);
}
static int verify32(const unsigned char *x, const unsigned char *y)
{
    return crypto_verify_32(x, y);
}
static int verify64(const unsigned char *x, const unsigned char *y)
{
    return crypto_verify_64(x, y);
}

static void test_crypto_verify_n(void **unused)
{
    (void)unused;
    check_verify_n(verify16, 16);
    check_verify_n(verify32, 32);
    check_verify_n(verify64, 64);
}

/* ---- crypto_auth and sizes --------------------------------------------- */

static void test_crypto_auth(void **unused)
{
    uint8_t key[32], msg[200], a1[32], a2[32];
    uint64_t seed = 9;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    assert_string_equal(crypto_auth_primitive(), "hmacsha512256");
    assert_string_equal(crypto_auth_PRIMITIVE, "hmacsha512256");
    assert_int_equal(crypto_auth(a1, msg, sizeof msg, key), 0);
    assert_int_equal(crypto_auth_hmacsha512256(a2, msg, sizeof msg, key), 0);
    assert_memory_equal(a1, a2, sizeof a1);
    assert_int_equal(crypto_auth_verify(a1, msg, sizeof msg, key), 0);
    a1[0] ^= 1;
    assert_int_equal(crypto_auth_verify(a1, msg, sizeof msg, key), -1);
    assert_int_equal(crypto_auth_bytes(), 32);
    assert_int_equal(crypto_auth_keybytes(), 32);
    assert_int_equal(crypto_auth_BYTES, crypto_auth_bytes());
    assert_int_equal(crypto_auth_KEYBYTES, crypto_auth_keybytes());
}

/* crypto_hash: libsodium's generic hash is SHA-512. */
static void test_crypto_hash(void **unused)
{
    uint8_t msg[300], h1[64], h2[64];
    uint64_t seed = 10;
    size_t len;

    (void)unused;
    tu_fill_random(msg, sizeof msg, &seed);
    assert_string_equal(crypto_hash_primitive(), "sha512");
    assert_string_equal(crypto_hash_PRIMITIVE, "sha512");
    assert_int_equal(crypto_hash_bytes(), 64);
    assert_int_equal(crypto_hash_BYTES, crypto_hash_sha512_BYTES);
    for (len = 0; len <= sizeof msg; len += 37) {
        memset(h1, 0, sizeof h1);
        assert_int_equal(crypto_hash(h1, msg, len), 0);
        assert_int_equal(crypto_hash_sha512(h2, msg, len), 0);
        assert_memory_equal(h1, h2, sizeof h1);
    }
    assert_int_equal(crypto_hash(NULL, msg, 1), -1);
    assert_int_equal(crypto_hash(h1, NULL, 1), -1);
}

static void test_sizes(void **unused)
{
    (void)unused;
    /* libsodium's layouts: 32+8+64 and 64+16+128 bytes, HMAC = two hash
     * states (the same on every ABI we know, LP64 and ILP32 alike). */
    assert_int_equal(crypto_hash_sha256_statebytes(), 104);
    assert_int_equal(crypto_hash_sha512_statebytes(), 208);
    assert_int_equal(crypto_auth_hmacsha256_statebytes(), 208);
    assert_int_equal(crypto_auth_hmacsha512_statebytes(), 416);
    assert_int_equal(crypto_auth_hmacsha512256_statebytes(), 416);
    assert_int_equal(crypto_hash_sha256_statebytes(),
                     sizeof(crypto_hash_sha256_state));
    assert_int_equal(crypto_auth_hmacsha512256_statebytes(),
                     sizeof(crypto_auth_hmacsha512256_state));

    assert_int_equal(crypto_hash_sha256_bytes(), 32);
    assert_int_equal(crypto_hash_sha512_bytes(), 64);
    assert_int_equal(crypto_hash_sha256_bytes(), crypto_hash_sha256_BYTES);
    assert_int_equal(crypto_hash_sha512_bytes(), crypto_hash_sha512_BYTES);
    assert_int_equal(crypto_auth_hmacsha256_bytes(), 32);
    assert_int_equal(crypto_auth_hmacsha512_bytes(), 64);
    assert_int_equal(crypto_auth_hmacsha512256_bytes(), 32);
    assert_int_equal(crypto_auth_hmacsha256_bytes(), crypto_auth_hmacsha256_BYTES);
    assert_int_equal(crypto_auth_hmacsha512_bytes(), crypto_auth_hmacsha512_BYTES);
    assert_int_equal(crypto_auth_hmacsha512256_bytes(),
                     crypto_auth_hmacsha512256_BYTES);
    assert_int_equal(crypto_auth_hmacsha256_keybytes(), 32);
    assert_int_equal(crypto_auth_hmacsha512_keybytes(), 32);
    assert_int_equal(crypto_auth_hmacsha512256_keybytes(), 32);
    assert_int_equal(crypto_auth_hmacsha256_keybytes(),
                     crypto_auth_hmacsha256_KEYBYTES);
    assert_int_equal(crypto_auth_hmacsha512_keybytes(),
                     crypto_auth_hmacsha512_KEYBYTES);
    assert_int_equal(crypto_auth_hmacsha512256_keybytes(),
                     crypto_auth_hmacsha512256_KEYBYTES);
    assert_int_equal(crypto_verify_16_bytes(), 16);
    assert_int_equal(crypto_verify_32_bytes(), 32);
    assert_int_equal(crypto_verify_64_bytes(), 64);
    assert_int_equal(crypto_verify_16_bytes(), crypto_verify_16_BYTES);
    assert_int_equal(crypto_verify_32_bytes(), crypto_verify_32_BYTES);
    assert_int_equal(crypto_verify_64_bytes(), crypto_verify_64_BYTES);
}

/* The table rows agree with the API (so the other suites test what they
 * claim to). */
static void test_table_rows(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        assert_true(tu_hmacs[i].state_bytes <= sizeof(tu_state));
        assert_true(tu_hmacs[i].tag_bytes <= tu_hmacs[i].hash->digest_bytes);
    }
    for (i = 0; i < tu_nhashes; i++) {
        assert_true(tu_hashes[i].state_bytes <= sizeof(tu_state));
        assert_true(tu_hashes[i].digest_bytes <= TU_MAX_DIGEST);
        assert_true(tu_hashes[i].block_bytes <= TU_MAX_BLOCK);
    }
}

/* ---- NULL and lengths ------------------------------------------------- */

static void test_hash_null_contract(void **unused)
{
    size_t i;

    (void)unused;
    assert_int_equal(sizeof hash_empty / sizeof hash_empty[0], tu_nhashes);
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = tu_hash_by_name(hash_empty[i].name);
        uint8_t want[TU_MAX_DIGEST], out[TU_MAX_DIGEST], one = 1;
        tu_state st, before;

        tu_unhex_into(hash_empty[i].empty, want, a->digest_bytes);
        /* NULL with length 0: the empty message. */
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, NULL, 0), 0);
        assert_memory_equal(out, want, a->digest_bytes);
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, NULL, 0), 0);
        assert_int_equal(a->final(&st, out), 0);
        assert_memory_equal(out, want, a->digest_bytes);

        /* NULL with a length: -1, output and state untouched. */
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, NULL, 1), -1);
        assert_true(all_bytes(out, PATTERN, sizeof out));
        assert_int_equal(a->oneshot(NULL, &one, 1), -1);
        assert_int_equal(a->oneshot(NULL, NULL, 0), -1);
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, &one, 1), 0);
        memcpy(&before, &st, sizeof st);
        assert_int_equal(a->update(&st, NULL, 5), -1);
        assert_memory_equal(&st, &before, a->state_bytes);

        /* NULL state or out. */
        assert_int_equal(a->init(NULL), -1);
        assert_int_equal(a->update(NULL, &one, 1), -1);
        assert_int_equal(a->update(NULL, NULL, 0), -1);
        assert_int_equal(a->final(NULL, out), -1);
        assert_int_equal(a->final(&st, NULL), -1);
        assert_memory_equal(&st, &before, a->state_bytes);
    }
}

static void test_hmac_null_contract(void **unused)
{
    size_t i;

    (void)unused;
    assert_int_equal(sizeof hmac_empty / sizeof hmac_empty[0], tu_nhmacs);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = tu_hmac_by_name(hmac_empty[i].name);
        uint8_t key[32], want[TU_MAX_DIGEST], want0[TU_MAX_DIGEST];
        uint8_t out[TU_MAX_DIGEST], one = 1;
        tu_state st, before;

        counting_key(key);
        tu_unhex_into(hmac_empty[i].empty_msg, want, a->tag_bytes);
        tu_unhex_into(hmac_empty[i].empty_key, want0, a->tag_bytes);

        /* NULL with length 0: the empty message, the empty key. */
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, NULL, 0, key), 0);
        assert_memory_equal(out, want, a->tag_bytes);
        assert_int_equal(a->verify(want, NULL, 0, key), 0);
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->init(&st, key, sizeof key), 0);
        assert_int_equal(a->update(&st, NULL, 0), 0);
        assert_int_equal(a->final(&st, out), 0);
        assert_memory_equal(out, want, a->tag_bytes);
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->init(&st, NULL, 0), 0);
        assert_int_equal(a->final(&st, out), 0);
        assert_memory_equal(out, want0, a->tag_bytes);

        /* NULL with a length: -1, output untouched. */
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, NULL, 1, key), -1);
        assert_true(all_bytes(out, PATTERN, sizeof out));
        assert_int_equal(a->oneshot(out, &one, 1, NULL), -1);
        assert_true(all_bytes(out, PATTERN, sizeof out));
        assert_int_equal(a->oneshot(NULL, &one, 1, key), -1);
        assert_int_equal(a->verify(want, NULL, 1, key), -1);
        assert_int_equal(a->verify(want, NULL, 0, NULL), -1);
        assert_int_equal(a->verify(NULL, NULL, 0, key), -1);
        memset(&st, PATTERN, sizeof st);
        assert_int_equal(a->init(&st, NULL, 1), -1);
        assert_int_equal(a->init(NULL, key, sizeof key), -1);

        /* update refuses NULL data with a length and leaves the state. */
        assert_int_equal(a->init(&st, key, sizeof key), 0);
        assert_int_equal(a->update(&st, &one, 1), 0);
        memcpy(&before, &st, sizeof st);
        assert_int_equal(a->update(&st, NULL, 3), -1);
        assert_memory_equal(&st, &before, a->state_bytes);
        assert_int_equal(a->update(NULL, &one, 1), -1);
        assert_int_equal(a->final(NULL, out), -1);
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->final(&st, NULL), -1);
        assert_memory_equal(&st, &before, a->state_bytes);
        /* ... and the state still gives the right tag afterwards. */
        assert_int_equal(a->final(&st, out), 0);
        assert_int_equal(a->oneshot(want, &one, 1, key), 0);
        assert_memory_equal(out, want, a->tag_bytes);
    }
}

/* ---- wiping and keygen ------------------------------------------------ */

static void test_final_wipes(void **unused)
{
    uint8_t key[TU_MAX_BLOCK + 1], msg[150], out[TU_MAX_DIGEST];
    uint64_t seed = 10;
    size_t i;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        tu_state st;

        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, msg, sizeof msg), 0);
        assert_false(all_bytes(&st, 0, a->state_bytes));
        assert_int_equal(a->final(&st, out), 0);
        if (!all_bytes(&st, 0, a->state_bytes)) {
            fail_msg("%s: final left state bytes non-zero", a->name);
        }
    }
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        size_t klen;

        for (klen = 0; klen <= sizeof key; klen += sizeof key / 2) {
            tu_state st;

            assert_int_equal(a->init(&st, key, klen), 0);
            assert_int_equal(a->update(&st, msg, sizeof msg), 0);
            assert_int_equal(a->final(&st, out), 0);
            if (!all_bytes(&st, 0, a->state_bytes)) {
                fail_msg("%s: final left state bytes non-zero (keylen %zu)",
                         a->name, klen);
            }
        }
    }
}

static void check_keygen(void (*keygen)(unsigned char *), const char *name)
{
    uint8_t k1[32], k2[32];

    memset(k1, 0, sizeof k1);
    memset(k2, 0, sizeof k2);
    keygen(k1);
    keygen(k2);
    if (all_bytes(k1, 0, sizeof k1) || all_bytes(k2, 0, sizeof k2)) {
        fail_msg("%s gave an all-zero key", name);
    }
    if (memcmp(k1, k2, sizeof k1) == 0) {
        fail_msg("%s gave the same key twice", name);
    }
    hmac_memzero(k1, sizeof k1);
    hmac_memzero(k2, sizeof k2);
    assert_true(all_bytes(k1, 0, sizeof k1));
}

static void keygen256(unsigned char *k) { crypto_auth_hmacsha256_keygen(k); }
static void keygen512(unsigned char *k) { crypto_auth_hmacsha512_keygen(k); }
static void keygen512256(unsigned char *k)
{
    crypto_auth_hmacsha512256_keygen(k);
}
static void keygen_auth(unsigned char *k) { crypto_auth_keygen(k); }

static void test_keygen(void **unused)
{
    (void)unused;
    check_keygen(keygen256, "crypto_auth_hmacsha256_keygen");
    check_keygen(keygen512, "crypto_auth_hmacsha512_keygen");
    check_keygen(keygen512256, "crypto_auth_hmacsha512256_keygen");
    check_keygen(keygen_auth, "crypto_auth_keygen");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verify_bit_flips),
        cmocka_unit_test(test_crypto_verify_n),
        cmocka_unit_test(test_crypto_auth),
        cmocka_unit_test(test_crypto_hash),
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_hash_null_contract),
        cmocka_unit_test(test_hmac_null_contract),
        cmocka_unit_test(test_final_wipes),
        cmocka_unit_test(test_keygen),
    };

    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
