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

#undef AF_NAME
#undef AF_DEAD
#undef AF_XCAT3
#undef AF_CAT3
#undef FAMILY
#undef HASH
#undef STATE
#undef TAG_BYTES
#undef KEY_BYTES
