/*
 * hash_family.h - the body of one public crypto_hash_<FAMILY>_* family:
 * libsodium's signatures and argument checks around a hash core.
 *
 * Included once per family by hash_api.c, with these defined:
 *   FAMILY      the name part, e.g. sha256
 *   STATE       the public state type
 *   INIT        void INIT(STATE *)
 *   ABSORB      void ABSORB(STATE *, const uint8_t *, size_t)
 *   FINISH      void FINISH(STATE *, uint8_t *out, size_t outlen)
 *   OUT_BYTES   digest length
 *   DESC        the hash descriptor (for the _many function)
 */
#define HF_CAT3(a, b, c) a##b##c
#define HF_XCAT3(a, b, c) HF_CAT3(a, b, c)
#define HF_NAME(suffix) HF_XCAT3(crypto_hash_, FAMILY, suffix)
#define HF_MANY(suffix) HF_XCAT3(hmac_hash_, FAMILY, suffix)
/* A state after _final or hmac_memzero (or only zero-initialised): no
 * length absorbed and an all-zero chaining value, which a live state never
 * has (with nothing absorbed it holds the public IV). The length test comes
 * first, so the chaining value is read only while it is public. */
#define HF_DEAD(st)                                                          \
    (hmac_is_zero(&(st)->count, sizeof (st)->count) &&                      \
     hmac_is_zero((st)->state, sizeof (st)->state))

size_t HF_NAME(_bytes)(void)
{
    return OUT_BYTES;
}

size_t HF_NAME(_statebytes)(void)
{
    return sizeof(STATE);
}

int HF_NAME(_init)(STATE *state)
{
    if (state == NULL) {
        return -1;
    }
    INIT(state);
    return 0;
}

int HF_NAME(_update)(STATE *state, const unsigned char *in,
                     unsigned long long inlen)
{
    if (state == NULL || (in == NULL && inlen > 0) || !hmac_len_fits(inlen) ||
        HF_DEAD(state)) {
        return -1;
    }
    ABSORB(state, in, (size_t)inlen);
    return 0;
}

int HF_NAME(_final)(STATE *state, unsigned char *out)
{
    if (state == NULL || out == NULL || HF_DEAD(state)) {
        return -1;
    }
    FINISH(state, out, OUT_BYTES);
    hmac_memzero(state, sizeof *state);
    return 0;
}

int HF_NAME()(unsigned char *out, const unsigned char *in,
              unsigned long long inlen)
{
    STATE st;

    if (out == NULL || (in == NULL && inlen > 0) || !hmac_len_fits(inlen)) {
        return -1;
    }
    INIT(&st);
    ABSORB(&st, in, (size_t)inlen);
    FINISH(&st, out, OUT_BYTES);
    /* The message may be secret (a key being hashed, say). */
    hmac_memzero(&st, sizeof st);
    return 0;
}

int HF_MANY(_many)(unsigned char *out, const unsigned char *const in[],
                   const size_t inlen[], size_t n)
{
    STATE start;
    size_t b;

    if (n == 0) {
        return 0;
    }
    if (out == NULL || !hmac_many_inputs_ok(in, inlen, n)) {
        return -1;
    }
    if (n == 1) {
        return HF_NAME()(out, in[0], inlen[0]);
    }
    INIT(&start);
    for (; n > 0; in += b, inlen += b, out += b * OUT_BYTES, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        hash_many_from(DESC, &start, in, inlen, b, out);
    }
    return 0;
}

#undef HF_MANY
#undef HF_NAME
#undef HF_DEAD
#undef HF_XCAT3
#undef HF_CAT3
#undef FAMILY
#undef STATE
#undef INIT
#undef ABSORB
#undef FINISH
#undef OUT_BYTES
#undef DESC
