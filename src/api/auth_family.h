/*
 * auth_family.h - the body of one crypto_auth_<FAMILY>_* family: argument
 * checks, wiping, and libsodium's signatures around the generic HMAC.
 *
 * Included once per family by auth_hmac.c, with these defined:
 *   FAMILY     the name part, e.g. hmacsha256
 *   HASH       the hash descriptor, e.g. &hmac_hash_sha256
 *   STATE      the public state type
 *   TAG_BYTES  tag length (may truncate the digest: HMAC-SHA-512-256)
 *   KEY_BYTES  key length of the one-shot functions
 * One body instead of one copy per algorithm: a fix lands in all of them.
 */
#define AF_CAT3(a, b, c) a##b##c
#define AF_XCAT3(a, b, c) AF_CAT3(a, b, c)
#define AF_NAME(suffix) AF_XCAT3(crypto_auth_, FAMILY, suffix)
#define AF_MANY(suffix) AF_XCAT3(hmac_auth_, FAMILY, suffix)
/* A state after _final or hmac_memzero (or only zero-initialised). A keyed
 * state's outer length counter is always one block: it is zero only in a
 * dead state. The counter is public, so unlike the chaining value (keyed)
 * it can be branched on. */
#define AF_DEAD(st) hmac_is_zero(&(st)->octx.count, sizeof (st)->octx.count)

size_t AF_NAME(_bytes)(void)
{
    return TAG_BYTES;
}

size_t AF_NAME(_keybytes)(void)
{
    return KEY_BYTES;
}

size_t AF_NAME(_statebytes)(void)
{
    return sizeof(STATE);
}

void AF_NAME(_keygen)(unsigned char k[KEY_BYTES])
{
    hmac_randombytes(k, KEY_BYTES);
}

int AF_NAME(_init)(STATE *state, const unsigned char *key, size_t keylen)
{
    if (state == NULL || (key == NULL && keylen > 0)) {
        return -1;
    }
    hmac_generic_init(HASH, &state->ictx, &state->octx, key, keylen);
    return 0;
}

int AF_NAME(_update)(STATE *state, const unsigned char *in,
                     unsigned long long inlen)
{
    if (state == NULL || (in == NULL && inlen > 0) || !hmac_len_fits(inlen) ||
        AF_DEAD(state)) {
        return -1;
    }
    hmac_generic_update(HASH, &state->ictx, in, (size_t)inlen);
    return 0;
}

int AF_NAME(_final)(STATE *state, unsigned char *out)
{
    if (state == NULL || out == NULL || AF_DEAD(state)) {
        return -1;
    }
    hmac_generic_final(HASH, &state->ictx, &state->octx, out, TAG_BYTES);
    hmac_memzero(state, sizeof *state);
    return 0;
}

int AF_NAME()(unsigned char *out, const unsigned char *in,
              unsigned long long inlen, const unsigned char *k)
{
    if (out == NULL || k == NULL || (in == NULL && inlen > 0) ||
        !hmac_len_fits(inlen)) {
        return -1;
    }
    hmac_generic_oneshot(HASH, out, TAG_BYTES, in, (size_t)inlen, k,
                         KEY_BYTES);
    return 0;
}

int AF_NAME(_verify)(const unsigned char *h, const unsigned char *in,
                     unsigned long long inlen, const unsigned char *k)
{
    if (h == NULL || k == NULL || (in == NULL && inlen > 0) ||
        !hmac_len_fits(inlen)) {
        return -1;
    }
    return hmac_generic_verify(HASH, h, TAG_BYTES, in, (size_t)inlen, k,
                               KEY_BYTES);
}

/* ---- many messages per call (many.h) ---- */

int AF_MANY(_many)(unsigned char *out, const unsigned char *const in[],
                   const size_t inlen[], size_t n, const unsigned char *k)
{
    if (n == 0) {
        return 0;
    }
    if (out == NULL || k == NULL || !hmac_many_inputs_ok(in, inlen, n)) {
        return -1;
    }
    hmac_generic_many(HASH, out, TAG_BYTES, in, inlen, n, k, KEY_BYTES);
    return 0;
}

int AF_MANY(_verify_many)(int result[], const unsigned char *tags,
                          const unsigned char *const in[],
                          const size_t inlen[], size_t n,
                          const unsigned char *k)
{
    if (n == 0) {
        return 0;
    }
    if (tags == NULL || k == NULL || !hmac_many_inputs_ok(in, inlen, n)) {
        return -1;
    }
    return hmac_generic_verify_many(HASH, result, tags, TAG_BYTES, in, inlen,
                                    n, k, KEY_BYTES);
}

/* 1 if state[0..n) are all live states, else 0. */
static int AF_MANY(_states_ok)(STATE *const state[], size_t n)
{
    size_t i;

    if (state == NULL) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (state[i] == NULL || AF_DEAD(state[i])) {
            return 0;
        }
    }
    return 1;
}

int AF_MANY(_update_many)(STATE *const state[],
                          const unsigned char *const in[],
                          const size_t inlen[], size_t n)
{
    void *ictx[HASH_MANY_BATCH];
    size_t b, i;

    if (n == 0) {
        return 0;
    }
    if (!AF_MANY(_states_ok)(state, n) || !hmac_many_inputs_ok(in, inlen, n)) {
        return -1;
    }
    for (; n > 0; state += b, in += b, inlen += b, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        for (i = 0; i < b; i++) {
            ictx[i] = &state[i]->ictx;
        }
        hash_many_update(HASH, ictx, in, inlen, b);
    }
    return 0;
}

int AF_MANY(_final_many)(STATE *const state[], unsigned char *out, size_t n)
{
    void *ictx[HASH_MANY_BATCH], *octx[HASH_MANY_BATCH];
    size_t b, i;

    if (n == 0) {
        return 0;
    }
    if (out == NULL || !AF_MANY(_states_ok)(state, n)) {
        return -1;
    }
    for (; n > 0; state += b, out += b * TAG_BYTES, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        for (i = 0; i < b; i++) {
            ictx[i] = &state[i]->ictx;
            octx[i] = &state[i]->octx;
        }
        hmac_generic_final_many(HASH, ictx, octx, out, TAG_BYTES, b);
        for (i = 0; i < b; i++) {
            hmac_memzero(state[i], sizeof *state[i]);
        }
    }
    return 0;
}

#undef AF_MANY

/* ---- hmac_auth_<FAMILY>_final_verify (include/hmac/auth_verify.h) ---- */
#define AF_VERIFY_NAME AF_XCAT3(hmac_auth_, FAMILY, _final_verify)

/* The state is wiped on every path once it is known to be live, a
 * rejected taglen included: a keyed state never outlives the call. A dead
 * one is refused: finishing a zeroed state would give a tag anyone can
 * compute. */
int AF_VERIFY_NAME(STATE *state, const unsigned char *tag, size_t taglen)
{
    unsigned char mine[TAG_BYTES];
    int ret;

    if (state == NULL || AF_DEAD(state)) {
        return -1;
    }
    if (tag == NULL || taglen < hmac_auth_final_verify_MINBYTES ||
        taglen > TAG_BYTES) {
        hmac_memzero(state, sizeof *state);
        return -1;
    }
    hmac_generic_final(HASH, &state->ictx, &state->octx, mine, TAG_BYTES);
    hmac_memzero(state, sizeof *state);
    ret = hmac_ct_verify(mine, tag, taglen);
    hmac_memzero(mine, sizeof mine);
    return ret;
}
#undef AF_VERIFY_NAME

#undef AF_NAME
#undef AF_DEAD
#undef AF_XCAT3
#undef AF_CAT3
#undef FAMILY
#undef HASH
#undef STATE
#undef TAG_BYTES
#undef KEY_BYTES
