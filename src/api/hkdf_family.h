/*
 * hkdf_family.h - the body of one crypto_kdf_hkdf_<FAMILY>_* family
 * (libsodium 1.0.19's API) over the generic HMAC and hmac_hkdf_expand().
 *
 * Included once per family by kdf_api.c, with these defined:
 *   FAMILY     e.g. sha256
 *   HASH       the hash descriptor, e.g. &hmac_hash_sha256
 *   PRK_BYTES  the PRK length (= the digest length)
 */
#define KF_CAT3(a, b, c) a##b##c
#define KF_XCAT3(a, b, c) KF_CAT3(a, b, c)
#define KF_NAME(suffix) KF_XCAT3(crypto_kdf_hkdf_, FAMILY, suffix)
#define KF_STATE KF_NAME(_state)
/* A dead extract state (after _extract_final or hmac_memzero): as for the
 * HMAC families (auth_family.h), its outer length counter, one block in
 * every keyed state and public, is zero. */
#define KF_DEAD(s) hmac_is_zero(&(s)->st.octx.count, sizeof (s)->st.octx.count)

size_t KF_NAME(_keybytes)(void)
{
    return PRK_BYTES;
}

size_t KF_NAME(_bytes_min)(void)
{
    return 0;
}

size_t KF_NAME(_bytes_max)(void)
{
    return 0xff * PRK_BYTES;
}

size_t KF_NAME(_statebytes)(void)
{
    return sizeof(KF_STATE);
}

void KF_NAME(_keygen)(unsigned char prk[PRK_BYTES])
{
    hmac_randombytes(prk, PRK_BYTES);
}

int KF_NAME(_extract_init)(KF_STATE *state, const unsigned char *salt,
                           size_t salt_len)
{
    if (state == NULL || (salt == NULL && salt_len > 0)) {
        return -1;
    }
    hmac_generic_init(HASH, &state->st.ictx, &state->st.octx, salt, salt_len);
    return 0;
}

int KF_NAME(_extract_update)(KF_STATE *state, const unsigned char *ikm,
                             size_t ikm_len)
{
    if (state == NULL || (ikm == NULL && ikm_len > 0) || KF_DEAD(state)) {
        return -1;
    }
    hmac_generic_update(HASH, &state->st.ictx, ikm, ikm_len);
    return 0;
}

int KF_NAME(_extract_final)(KF_STATE *state, unsigned char prk[PRK_BYTES])
{
    if (state == NULL || prk == NULL || KF_DEAD(state)) {
        return -1;
    }
    hmac_generic_final(HASH, &state->st.ictx, &state->st.octx, prk,
                       PRK_BYTES);
    hmac_memzero(state, sizeof *state);
    return 0;
}

int KF_NAME(_extract)(unsigned char prk[PRK_BYTES], const unsigned char *salt,
                      size_t salt_len, const unsigned char *ikm,
                      size_t ikm_len)
{
    if (prk == NULL || (salt == NULL && salt_len > 0) ||
        (ikm == NULL && ikm_len > 0)) {
        return -1;
    }
    hmac_generic_oneshot(HASH, prk, PRK_BYTES, ikm, ikm_len, salt, salt_len);
    return 0;
}

int KF_NAME(_expand)(unsigned char *out, size_t out_len, const char *ctx,
                     size_t ctx_len, const unsigned char prk[PRK_BYTES])
{
    if (out_len > 0xff * PRK_BYTES || (out == NULL && out_len > 0) ||
        (ctx == NULL && ctx_len > 0) || prk == NULL) {
        errno = EINVAL;
        return -1;
    }
    hmac_hkdf_expand(HASH, out, out_len, (const uint8_t *)ctx, ctx_len, prk,
                     PRK_BYTES);
    return 0;
}

#undef KF_DEAD
#undef KF_STATE
#undef KF_NAME
#undef KF_XCAT3
#undef KF_CAT3
#undef FAMILY
#undef HASH
#undef PRK_BYTES
