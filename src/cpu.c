/*
 * cpu.c - the only code that knows about CPUs: which compression backend
 * runs, chosen once per process.
 *
 * The probe result is cached in one word (the library's only global
 * mutable state). A sentinel bit marks it valid, so no init call is
 * needed: concurrent first callers may each probe, and all store the same
 * value. The word is accessed atomically (relaxed is enough: the value is
 * self-contained and idempotent), so ThreadSanitizer sees no race.
 *
 * HMAC_BACKEND=portable in the environment forces the portable C cores,
 * in the spirit of OpenSSL's OPENSSL_ia32cap.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#  define _GNU_SOURCE
#endif

#include <stdlib.h>
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

#if defined(HMAC_HAVE_X86_SHANI) || defined(HMAC_HAVE_X86_AVX2) ||          \
    defined(HMAC_HAVE_X86_AVX2_LANES) || defined(HMAC_HAVE_X86_AVX512_LANES)
#  define HMAC_X86_DISPATCH 1
#  if defined(_MSC_VER)
#    include <intrin.h>
#  else
#    include <cpuid.h>
#  endif
#endif

#if defined(HMAC_HAVE_ARM_SHA2) || defined(HMAC_HAVE_ARM_SHA512)
#  if defined(__linux__)
#    include <sys/auxv.h>
#    ifndef HWCAP_SHA2
#      define HWCAP_SHA2 (1UL << 6)
#    endif
#    ifndef HWCAP_SHA512
#      define HWCAP_SHA512 (1UL << 21)
#    endif
#  elif defined(__APPLE__)
#    include <sys/sysctl.h>
#  elif defined(_WIN32)
#    include <windows.h>
#  endif
#endif

#define CPU_PROBED 0x80000000u
/* Not a backend (hmac_cpu_force keeps it): the CPU has AVX and the OS
 * saves the ymm state, so VZEROUPPER may run (sse_clean below). */
#define CPU_AVX_OS 0x40000000u

#if defined(__GNUC__) || defined(__clang__)
static unsigned cpu_cached; /* accessed with __atomic builtins only */
#  define CACHE_LOAD() __atomic_load_n(&cpu_cached, __ATOMIC_RELAXED)
#  define CACHE_STORE(v) __atomic_store_n(&cpu_cached, (v), __ATOMIC_RELAXED)
#elif defined(_MSC_VER)
/* An aligned 32-bit volatile access is atomic on every MSVC target. */
static volatile long cpu_cached;
#  define CACHE_LOAD() ((unsigned)cpu_cached)
#  define CACHE_STORE(v) (cpu_cached = (long)(v))
#else
static volatile unsigned cpu_cached;
#  define CACHE_LOAD() (cpu_cached)
#  define CACHE_STORE(v) (cpu_cached = (v))
#endif

#if defined(HMAC_X86_DISPATCH)
static void cpuid(unsigned leaf, unsigned sub, unsigned r[4])
{
#  if defined(_MSC_VER)
    int v[4];
    __cpuidex(v, (int)leaf, (int)sub);
    r[0] = (unsigned)v[0]; r[1] = (unsigned)v[1];
    r[2] = (unsigned)v[2]; r[3] = (unsigned)v[3];
#  else
    r[0] = r[1] = r[2] = r[3] = 0;
    __cpuid_count(leaf, sub, r[0], r[1], r[2], r[3]);
#  endif
}

/* XCR0: which register states the OS saves on a context switch. */
static unsigned long long xgetbv0(void)
{
#  if defined(_MSC_VER)
    return _xgetbv(0);
#  else
    unsigned lo, hi;
    __asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long long)hi << 32) | lo;
#  endif
}

/* ---- x86 SIMD lane kernels: detection ---------------------------------- */
static unsigned cpu_detect_x86_lanes(const unsigned r7[4], int avx_os,
                                     unsigned long long xcr0)
{
    unsigned f = 0;

    (void)r7; (void)avx_os; (void)xcr0;
#  if defined(HMAC_HAVE_X86_AVX2_LANES)
    if (((r7[1] >> 5) & 1) && avx_os) { /* AVX2 */
        f |= HMAC_CPU_AVX2_LANES;
    }
#  endif
#  if defined(HMAC_HAVE_X86_AVX512_LANES)
    /* AVX512F (EBX bit 16), AVX512BW (30), AVX512VL (31), and the OS
     * saves XMM, YMM, the opmask registers, ZMM0-15's upper halves and
     * ZMM16-31 (XCR0 bits 1, 2, 5, 6, 7). */
    if (((r7[1] >> 16) & 1) && ((r7[1] >> 30) & 1) && ((r7[1] >> 31) & 1) &&
        avx_os && (xcr0 & 0xe6) == 0xe6) {
        f |= HMAC_CPU_AVX512_LANES;
    }
#  endif
    return f;
}

static unsigned cpu_detect_hw(void)
{
    unsigned r1[4], r7[4], max[4];
    unsigned f = 0;
    unsigned long long xcr0;
    int ssse3, sse41, osxsave, avx_os;

    cpuid(0, 0, max);
    if (max[0] < 7) {
        return 0;
    }
    cpuid(1, 0, r1);
    cpuid(7, 0, r7);
    ssse3 = (r1[2] >> 9) & 1;
    sse41 = (r1[2] >> 19) & 1;
    osxsave = (r1[2] >> 27) & 1;
    /* AVX registers are usable only if the OS saves XMM and YMM state. */
    xcr0 = osxsave ? xgetbv0() : 0;
    avx_os = ((r1[2] >> 28) & 1) && (xcr0 & 6) == 6;
    (void)ssse3; (void)sse41; (void)avx_os;
#  if defined(HMAC_HAVE_X86_SHANI)
    if (((r7[1] >> 29) & 1) && ssse3 && sse41) {
        f |= HMAC_CPU_SHA256_HW;
    }
#  endif
#  if defined(HMAC_HAVE_X86_AVX2)
    if (((r7[1] >> 5) & 1) && ((r7[1] >> 8) & 1) && avx_os) { /* AVX2, BMI2 */
        f |= HMAC_CPU_SHA512_HW;
    }
#  endif
#  if defined(HMAC_HAVE_X86_ASM)
    /* AVX-512F, BW and VL, and the OS saving opmask and ZMM state (XCR0
     * bits 5-7: EVEX encodings fault without them, even on ymm). */
    if ((f & HMAC_CPU_SHA512_HW) && ((r7[1] >> 16) & 1) &&
        ((r7[1] >> 30) & 1) && ((r7[1] >> 31) & 1) &&
        (xgetbv0() & 0xe6) == 0xe6) {
        f |= HMAC_CPU_SHA512_AVX512;
    }
#  endif
    f |= cpu_detect_x86_lanes(r7, avx_os, xcr0);
    if (avx_os) {
        f |= CPU_AVX_OS;
    }
    /* "AuthenticAMD" (EBX, EDX, ECX of leaf 0), family 0xF + extended
     * family 0xA = 19h: the CPUs the Zen 4 rows below were measured on
     * (Zen 3 shares the family, but has no AVX-512 for those rows). */
    if (max[1] == 0x68747541u && max[3] == 0x69746e65u &&
        max[2] == 0x444d4163u && ((r1[0] >> 8) & 0xf) == 0xf &&
        ((r1[0] >> 20) & 0xff) == 0xa) {
        f |= HMAC_CPU_ZEN4;
    }
    return f;
}
#elif defined(HMAC_HAVE_ARM_SHA2) || defined(HMAC_HAVE_ARM_SHA512)
static unsigned cpu_detect_hw(void)
{
    unsigned f = 0;
#  if defined(__linux__)
    unsigned long hw = getauxval(AT_HWCAP);
    if (hw & HWCAP_SHA2) {
        f |= HMAC_CPU_SHA256_HW;
    }
    if (hw & HWCAP_SHA512) {
        f |= HMAC_CPU_SHA512_HW;
    }
#  elif defined(__APPLE__)
    int v = 0;
    size_t len = sizeof v;
    f |= HMAC_CPU_SHA256_HW; /* every Apple AArch64 CPU has SHA2 */
    if (sysctlbyname("hw.optional.armv8_2_sha512", &v, &len, NULL, 0) == 0 &&
        v != 0) {
        f |= HMAC_CPU_SHA512_HW;
    }
#  elif defined(_WIN32)
    if (IsProcessorFeaturePresent(PF_ARM_V8_CRYPTO_INSTRUCTIONS_AVAILABLE)) {
        f |= HMAC_CPU_SHA256_HW;
    }
#    if defined(PF_ARM_SHA512_INSTRUCTIONS_AVAILABLE)
    if (IsProcessorFeaturePresent(PF_ARM_SHA512_INSTRUCTIONS_AVAILABLE)) {
        f |= HMAC_CPU_SHA512_HW;
    }
#    endif
#  endif
#  if !defined(HMAC_HAVE_ARM_SHA2)
    f &= ~HMAC_CPU_SHA256_HW;
#  endif
#  if !defined(HMAC_HAVE_ARM_SHA512)
    f &= ~HMAC_CPU_SHA512_HW;
#  endif
    return f;
}
#else
static unsigned cpu_detect_hw(void)
{
    return 0;
}
#endif

static unsigned cpu_detect(void)
{
    const char *env = getenv("HMAC_BACKEND");

    if (env != NULL && strcmp(env, "portable") == 0) {
        return 0;
    }
    return cpu_detect_hw();
}

static unsigned cpu_features(void)
{
    unsigned f = CACHE_LOAD();

    if (!(f & CPU_PROBED)) {
        f = cpu_detect() | CPU_PROBED;
        CACHE_STORE(f);
    }
    return f;
}

unsigned hmac_cpu_force(unsigned mask)
{
    unsigned detected = cpu_detect_hw();

    CACHE_STORE((detected & mask) | (detected & CPU_AVX_OS) | CPU_PROBED);
    return detected & ~CPU_AVX_OS;
}

#if defined(HMAC_HAVE_X86_SHANI)
/* The SHA-NI backend is legacy-SSE code (the SHA instructions have no VEX
 * form). Run after code that left the upper halves of the ymm/zmm
 * registers dirty (a caller's AVX code without VZEROUPPER, as isa-l_crypto
 * leaves them after 8 SHA-256 buffers), every such instruction waits on
 * or merges those halves: on AMD Zen 4, one SHA-NI stream took 1.56x its
 * time after a zmm write, two streams 2.2x. VZEROUPPER first (a few
 * cycles) makes the state clean; the CPU must have AVX to run it. */
static void sse_clean(unsigned f)
{
    if (f & CPU_AVX_OS) {
#  if defined(_MSC_VER)
        _mm256_zeroupper();
#  else
        __asm__ __volatile__("vzeroupper");
#  endif
    }
}
#endif

void sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t nblocks)
{
#if defined(HMAC_HAVE_X86_SHANI)
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA256_HW) {
        sse_clean(f);
        sha256_compress_shani(state, blocks, nblocks);
        return;
    }
#elif defined(HMAC_HAVE_ARM_SHA2)
    if (cpu_features() & HMAC_CPU_SHA256_HW) {
        sha256_compress_armv8(state, blocks, nblocks);
        return;
    }
#endif
    sha256_compress_portable(state, blocks, nblocks);
}

/* Two independent chains (HMAC's ipad and opad blocks). On AMD Zen 4 two
 * interleaved SHA-NI streams take 0.54-0.61 of one stream's time a block,
 * and two plain calls did not overlap that well; elsewhere the two calls
 * (on Intel the interleaved version once measured no faster). */
void sha256_compress2(uint32_t s1[8], const uint8_t *b1, uint32_t s2[8],
                      const uint8_t *b2, size_t nblocks)
{
#if defined(HMAC_HAVE_X86_SHANI)
    unsigned f = cpu_features();

    if ((f & HMAC_CPU_SHA256_HW) && (f & HMAC_CPU_ZEN4)) {
        void *const chain[2] = {s1, s2};
        const uint8_t *const data[2] = {b1, b2};

        sse_clean(f);
        sha256_lanes_shani_x2(chain, data, 2, nblocks);
        return;
    }
#endif
    sha256_compress(s1, b1, nblocks);
    sha256_compress(s2, b2, nblocks);
}

void sha512_compress(uint64_t state[8], const uint8_t *blocks, size_t nblocks)
{
#if defined(HMAC_HAVE_X86_AVX2)
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA512_HW) {
#  if defined(HMAC_HAVE_X86_ASM)
        if (f & HMAC_CPU_SHA512_AVX512) {
            sha512_compress_avx512_asm(state, blocks, nblocks);
        } else {
            sha512_compress_avx2_asm(state, blocks, nblocks);
        }
#  else
        sha512_compress_avx2(state, blocks, nblocks);
#  endif
        return;
    }
#elif defined(HMAC_HAVE_ARM_SHA512)
    if (cpu_features() & HMAC_CPU_SHA512_HW) {
        sha512_compress_armv8(state, blocks, nblocks);
        return;
    }
#endif
    sha512_compress_portable(state, blocks, nblocks);
}

/* Two streams: with AVX-512, the x4 lane kernel on two lanes (one 64-byte
 * HMAC-SHA-512 computes its ipad and opad blocks here: 0.86-0.89 of the
 * time it took with the assembly's two-stream entry, bench/inproc/ab.sh
 * --sizes 64); else the assembly, whose two streams share one schedule
 * pass. */
void sha512_compress2(uint64_t s1[8], const uint8_t *b1, uint64_t s2[8],
                      const uint8_t *b2, size_t nblocks)
{
#if defined(HMAC_HAVE_X86_AVX512_LANES)
    unsigned fl = cpu_features();

    if (fl & HMAC_CPU_AVX512_LANES) {
        void *const chain[2] = {s1, s2};
        const uint8_t *const data[2] = {b1, b2};

#  if defined(HMAC_HAVE_X86_ASM)
        if (fl & HMAC_CPU_ZEN4) {
            /* the assembly from 4 blocks, the C loop below */
            sha512_lanes_avx512vl_asm(chain, data, 2, nblocks);
            return;
        }
#  endif
        sha512_lanes_avx512vl(chain, data, 2, nblocks);
        return;
    }
#endif
#if defined(HMAC_HAVE_X86_AVX2) && defined(HMAC_HAVE_X86_ASM)
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA512_HW) {
        if (f & HMAC_CPU_SHA512_AVX512) {
            sha512_compress2_avx512_asm(s1, b1, s2, b2, nblocks);
        } else {
            sha512_compress2_avx2_asm(s1, b1, s2, b2, nblocks);
        }
        return;
    }
#endif
    sha512_compress(s1, b1, nblocks);
    sha512_compress(s2, b2, nblocks);
}

int sha256_hmac_fused(uint8_t *out, size_t outlen, const uint32_t iv[8],
                      const uint8_t *key, size_t keylen, const uint8_t *in,
                      size_t inlen)
{
#if defined(HMAC_HAVE_X86_SHANI)
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA256_HW) {
        sse_clean(f);
        sha256_hmac_shani(out, outlen, iv, key, keylen, in, inlen);
        return 0;
    }
#else
    (void)out; (void)outlen; (void)iv; (void)key; (void)keylen; (void)in;
    (void)inlen;
#endif
    return -1;
}

const char *hmac_backend_sha256(void)
{
    if (cpu_features() & HMAC_CPU_SHA256_HW) {
#if defined(HMAC_HAVE_X86_SHANI)
        return "x86-shani";
#elif defined(HMAC_HAVE_ARM_SHA2)
        return "armv8-sha2";
#endif
    }
    return "portable";
}

const char *hmac_backend_sha512(void)
{
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA512_HW) {
#if defined(HMAC_HAVE_X86_ASM)
        return (f & HMAC_CPU_SHA512_AVX512) ? "x86-avx512-asm" : "x86-avx2-asm";
#elif defined(HMAC_HAVE_X86_AVX2)
        return "x86-avx2";
#elif defined(HMAC_HAVE_ARM_SHA512)
        return "armv8-sha512";
#endif
    }
    return "portable";
}

/* ---- lane kernels for many messages per call ----------------------------
 * Which kernel advances `active` lanes fastest on this CPU. Without a
 * multi-lane backend, the single-stream compression runs lane by lane;
 * active == 1 always gets the single stream (one message costs what a
 * single call costs). */
static const lanes_kernel sha256_single = {sha256_lanes_single, 1, NULL};
static const lanes_kernel sha512_single = {sha512_lanes_single, 1, NULL};

/* ---- x86 SIMD lane kernels: the pick policy -------------------------------
 * A row applies when the CPU has every feature in `need` and none in
 * `without`, and at least `from` lanes are in flight; the first row that
 * applies wins, else the single stream runs. The thresholds were measured
 * on an Intel Xeon Sapphire Rapids class CPU ("Intel(R) Xeon(R)
 * Processor", SHA-NI, AVX2, AVX-512), many vs the single stream over
 * 1..16 messages of 64 B (HMAC) and 4 KiB (hash), every feature subset
 * forced through hmac_cpu_force:
 * - SHA-256: interleaved SHA-NI streams (x2/x3, below) beat the x16 AVX-512
 *   kernel (one call ~380 ns a block, whatever the lanes used) up to 9
 *   lanes. The x8 kernel in ymm registers (AVX-512VL) costs about 0.72 of
 *   an x16 call, so it takes 6 to 10 lanes (9 and 10: one call and SHA-NI
 *   streams for the rest), and x16 11 and more. hmac-bench-picks
 *   (bench/picks.c, ns per lane block, 4 KiB and 128 B a lane, five runs)
 *   had x8 at 6 lanes 0.83-0.96 of three SHA-NI pairs' time (fused HMAC
 *   0.79-0.86), and x8 plus a pair 0.88-0.95 of x16 at 10 (fused HMAC
 *   0.82-0.99); _many against x8 from 7 and x16 from 10, time new/old over
 *   64 B and 4 KiB: 0.91-0.99 at 6, 0.88-0.99 at 10, 0.98-1.02 at 7 and
 *   11 (bench/inproc/ab.sh --rounds 200 --many 64,4096 --many-n N, two
 *   runs each, one at 11). Without SHA-NI, x8 from 2 and x16 from 9. AVX2 x8 (~460 ns a
 *   call) never beats one SHA-NI stream, so it runs only without SHA-NI;
 *   over the portable core (~375 ns a block) lanes win from 2.
 * - SHA-512: no SHA-512 instructions, so one stream runs scalar rounds
 *   (the AVX2/AVX-512 assembly, ~190-200 ns a block). With AVX-512, x4
 *   in ymm registers (AVX-512VL) for 2 to 4 lanes and x8 in zmm from 5:
 *   an x4 call costs about 0.7 of an x8 call (ticks per call, one block,
 *   in cache: x4 690-728 at 2 or 4 lanes, x8 961-1048 at 4, the scalar
 *   assembly 480-570 a block and its two-stream entry 990-1040 for two),
 *   so x8 wins from 5 lanes (x4 then needs a second call). _many against
 *   the previous picks (x8 from 3 lanes, two streams' shared schedule at
 *   2), bench/inproc/ab.sh --many 64,1024,65536 --many-n N, time new/old:
 *   0.64-0.75 at 2, 0.66-0.81 at 3, 0.70-0.81 at 4, 0.76-0.97 at 10 and
 *   12. AVX2 x4 (~560 ns a call, for CPUs without AVX-512) from 3: 0.94x
 *   at 2 lanes, measured against the C AVX2 single stream before the
 *   assembly landed.
 * AMD Zen 4 ("AMD EPYC", family 19h model 17, SHA-NI, AVX-512 on
 * 256-bit units; HMAC_CPU_ZEN4) has its own SHA-256 rows. Its SHA-NI
 * streams run a block in 0.54-0.61 of one stream's time (Intel: 0.8), as
 * fast per lane as a C x16 call, so a hash takes SHA-NI streams below
 * 15 messages and never the x8 kernel: hmac-bench-picks (4 KiB and 128 B
 * a lane, two runs each) had the Intel picks at 1.07-1.40x the best plan
 * at 6, 7, 9 and 11-14 messages. With x16's block loop in assembly
 * (sha256_x86_asm.S: 0.85 of the C kernel's time a lane block, 4 KiB in
 * cache) x16 takes 15 and 16: _many time against the streams at 15,
 * 0.93-0.97 (64 B and 4 KiB); at 14 it was 1.07 at 64 B. Its fused
 * HMAC runs one-length tails through the same loop: 64 B HMAC-SHA-256
 * _many 0.95 of the C kernel's time at 13 and 16. Three streams
 * a group ran 3-5% faster than pairs a lane block in hmac-bench-picks,
 * but threes wherever no lone lane is left measured 0.99-1.02 of pairs
 * through _many at 8 and 12 messages (64 B, 4 KiB), so the streams pair
 * as on Intel. For
 * the fused HMAC of short messages x8 wins from 8 (0.87-0.95 of four
 * pairs' time; 0.99-1.04 at 7) and x16 from 13 (1.00-1.03 of x8 plus
 * streams; the Intel x16 at 11 and 12 was 1.10-1.22x). _many against the
 * Intel rows there, SHA-256 and HMAC-SHA-256, 64 B and 4 KiB, time
 * new/old: 0.74-0.97 at 6, 7, 9, 11 and 12, 0.85-1.00 at 13 (ab.sh as
 * above, two runs each). The SHA-512 rows measured within 1.02 of the
 * best plan there, and stay shared; only the x8 kernel itself differs
 * there: its block loop in assembly (sha512_x86_asm.S, 0.90-0.95 of the
 * C kernel's _many time from 4 KiB up). Both assembly loops run on Zen 4
 * only because the Intel CPU has not run them.
 * hmac-bench-picks, on the CPU at hand, times every kernel at every lane
 * count and marks each n where these rows' plan is over 1.03x the
 * fastest (--subsets: also the feature subsets other CPUs have). */
#if defined(HMAC_HAVE_X86_AVX512_LANES) || defined(HMAC_HAVE_X86_AVX2_LANES)
#  define HMAC_X86_LANES 1

typedef struct {
    unsigned need, without;
    lanes_kernel k;
    size_t from;
    /* From how many messages the kernel's fused HMAC (k.hmac) beats what
     * runs below the rows: for SHA-256 with SHA-NI, the fused SHA-NI
     * streams (sha256_hmac_pick). 64 B HMAC-SHA-256 _many, fused x16
     * against them, time x16/SHA-NI: 1.01-1.05 at 8 messages (five runs;
     * 256 B and 1 KiB even), 0.78-0.93 at 9, 0.83-0.84 at 10, 0.69-0.74
     * at 11 (bench/inproc/ab.sh --many 64 --many-n). HMAC-SHA-512-256:
     * fused x8 was 0.90-0.92 of two streams' compress2 in the two stages
     * at 2 messages; fused x4 (AVX-512VL) now takes 2 to 4 and x8 from 5,
     * as for the hash. */
    size_t hmac_from;
} lanes_row;

/* A `from` no lane count reaches: the row serves the fused HMAC only. */
#  define LANES_NEVER ((size_t)-1)

static const lanes_row sha256_rows[] = {
#  if defined(HMAC_HAVE_X86_AVX512_LANES)
#    if defined(HMAC_HAVE_X86_ASM)
    /* Zen 4: the x16 block loop in assembly (sha256_x86_asm.S). */
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_SHA256_HW | HMAC_CPU_ZEN4, 0,
     {sha256_lanes_avx512_asm, 16, sha256_hmac_lanes_avx512_asm}, 15, 13},
#    else
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_SHA256_HW | HMAC_CPU_ZEN4, 0,
     {sha256_lanes_avx512, 16, sha256_hmac_lanes_avx512}, 16, 13},
#    endif
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_SHA256_HW | HMAC_CPU_ZEN4, 0,
     {sha256_lanes_avx512vl, 8, sha256_hmac_lanes_avx512vl}, LANES_NEVER, 8},
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_SHA256_HW, HMAC_CPU_ZEN4,
     {sha256_lanes_avx512, 16, sha256_hmac_lanes_avx512}, 11, 11},
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_SHA256_HW, HMAC_CPU_ZEN4,
     {sha256_lanes_avx512vl, 8, sha256_hmac_lanes_avx512vl}, 6, 6},
    {HMAC_CPU_AVX512_LANES, HMAC_CPU_SHA256_HW,
     {sha256_lanes_avx512, 16, sha256_hmac_lanes_avx512}, 9, 9},
    {HMAC_CPU_AVX512_LANES, HMAC_CPU_SHA256_HW,
     {sha256_lanes_avx512vl, 8, sha256_hmac_lanes_avx512vl}, 2, 2},
#  endif
#  if defined(HMAC_HAVE_X86_AVX2_LANES)
    {HMAC_CPU_AVX2_LANES, HMAC_CPU_SHA256_HW,
     {sha256_lanes_avx2, 8, sha256_hmac_lanes_avx2}, 2, 2},
#  endif
};

static const lanes_row sha512_rows[] = {
#  if defined(HMAC_HAVE_X86_AVX512_LANES) && defined(HMAC_HAVE_X86_ASM)
    /* Zen 4: the x8 block loop in assembly (its comment in
     * sha512_x86_asm.S), also under the fused HMAC's one-length tails. */
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_ZEN4, 0,
     {sha512_lanes_avx512_asm, 8, sha512_hmac_lanes_avx512_asm}, 5, 5},
#  endif
#  if defined(HMAC_HAVE_X86_AVX512_LANES)
    {HMAC_CPU_AVX512_LANES, 0,
     {sha512_lanes_avx512, 8, sha512_hmac_lanes_avx512}, 5, 5},
#    if defined(HMAC_HAVE_X86_ASM)
    /* Zen 4: the x4 block loop in assembly too, for calls of 4 blocks
     * or more (sha2_x86_avx512_lanes.c); the fused HMAC stays C. */
    {HMAC_CPU_AVX512_LANES | HMAC_CPU_ZEN4, 0,
     {sha512_lanes_avx512vl_asm, 4, sha512_hmac_lanes_avx512vl}, 2, 2},
#    endif
    {HMAC_CPU_AVX512_LANES, 0,
     {sha512_lanes_avx512vl, 4, sha512_hmac_lanes_avx512vl}, 2, 2},
#  endif
#  if defined(HMAC_HAVE_X86_AVX2_LANES)
    {HMAC_CPU_AVX2_LANES, 0,
     {sha512_lanes_avx2, 4, sha512_hmac_lanes_avx2}, 3, 3},
#  endif
};

/* 1 and *k set if a row of rows[0..n) applies to `active` lanes (for a
 * fused HMAC: a row with one, from its hmac_from). */
static int lanes_from_rows(const lanes_row *rows, size_t n, size_t active,
                           lanes_kernel *k, int hmac)
{
    unsigned f = cpu_features();
    size_t i;

    for (i = 0; i < n; i++) {
        if ((f & rows[i].need) == rows[i].need && !(f & rows[i].without) &&
            (hmac ? rows[i].k.hmac != NULL && active >= rows[i].hmac_from
                  : active >= rows[i].from)) {
            *k = rows[i].k;
            return 1;
        }
    }
    return 0;
}
#endif

lanes_kernel sha256_hmac_pick(size_t active)
{
    lanes_kernel k = sha256_single;

#if defined(HMAC_X86_LANES)
    if (lanes_from_rows(sha256_rows, sizeof sha256_rows / sizeof sha256_rows[0],
                        active, &k, 1)) {
        return k;
    }
#endif
    /* Below the rows, the interleaved SHA-NI streams as sha256_lanes_pick
     * takes them, with their fused HMAC: faster than the two stages over
     * them at 2..7 messages (64 B HMAC-SHA-256 _many, new/old 0.81-0.97;
     * bench/inproc/ab.sh --many 64 --many-n). A message left alone after
     * a wider group (17: x16, then one) takes x2's one-stream path: 2-3%
     * less time at 17 messages than with it in the two stages. */
#if defined(HMAC_HAVE_X86_SHANI)
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA256_HW) {
        int x3 = active > 1 && (active & 1);

        sse_clean(f);
        k.fn = x3 ? sha256_lanes_shani_x3 : sha256_lanes_shani_x2;
        k.width = x3 ? 3 : 2;
        k.hmac = x3 ? sha256_hmac_lanes_shani_x3 : sha256_hmac_lanes_shani_x2;
    }
#else
    (void)active;
#endif
    return k;
}

lanes_kernel sha512_hmac_pick(size_t active)
{
    lanes_kernel k = sha512_single;

#if defined(HMAC_X86_LANES)
    (void)lanes_from_rows(sha512_rows, sizeof sha512_rows / sizeof sha512_rows[0],
                          active, &k, 1);
#else
    (void)active;
#endif
    return k;
}

lanes_kernel sha256_lanes_pick(size_t active)
{
    lanes_kernel k = sha256_single;

    if (active <= 1) {
        return k;
    }
#if defined(HMAC_X86_LANES)
    if (lanes_from_rows(sha256_rows, sizeof sha256_rows / sizeof sha256_rows[0],
                        active, &k, 0)) {
        return k;
    }
#endif
    /* Below the SIMD rows' thresholds, interleaved hardware streams:
     * faster than one stream at every lane count >= 2 (SHA-NI on Sapphire
     * Rapids, per block: 2 streams 1.24x, 3 streams 1.26x). An odd count
     * takes the 3-stream kernel (3, or 3 then pairs), so that no lane is
     * left to the single-stream code; a lone lane stays there. */
#if defined(HMAC_HAVE_X86_SHANI)
    unsigned f = cpu_features();

    if (f & HMAC_CPU_SHA256_HW) {
        sse_clean(f);
        k.fn = (active & 1) ? sha256_lanes_shani_x3 : sha256_lanes_shani_x2;
        k.width = (active & 1) ? 3 : 2;
    }
#elif defined(HMAC_HAVE_ARM_SHA2)
    if (cpu_features() & HMAC_CPU_SHA256_HW) {
        k.fn = sha256_lanes_armv8_x2;
        k.width = 2;
    }
#endif
    return k;
}

lanes_kernel sha512_lanes_pick(size_t active)
{
    lanes_kernel k = sha512_single;

    if (active <= 1) {
        return k;
    }
#if defined(HMAC_X86_LANES)
    if (lanes_from_rows(sha512_rows, sizeof sha512_rows / sizeof sha512_rows[0],
                        active, &k, 0)) {
        return k;
    }
#endif
    /* x86 assembly: two streams share one vector pass for their message
     * schedules (the rounds stay scalar, one stream after the other). */
#if defined(HMAC_HAVE_X86_AVX2) && defined(HMAC_HAVE_X86_ASM)
    if (cpu_features() & HMAC_CPU_SHA512_HW) {
        k.fn = sha512_lanes_x2;
        k.width = 2;
    }
#endif
    /* ARMv8.2 SHA512: two interleaved streams, as for SHA-256. */
#if defined(HMAC_HAVE_ARM_SHA512)
    if (cpu_features() & HMAC_CPU_SHA512_HW) {
        k.fn = sha512_lanes_armv8_x2;
        k.width = 2;
    }
#endif
    return k;
}
